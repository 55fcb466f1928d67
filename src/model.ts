// The incident JSON of DESIGN.md: the contract between extraction, storage, API and evaluation.

export const INCIDENT_TYPES = [
  'bombing', 'armed_assault', 'assassination', 'kidnapping', 'hostage_taking',
  'hijacking', 'arson', 'vehicle_ramming', 'unarmed_assault', 'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const STATUSES = ['carried_out', 'failed', 'foiled', 'threatened'] as const;
export type Status = (typeof STATUSES)[number];

export const ATTRIBUTIONS = ['claimed', 'reported', 'suspected', 'inspired', 'directed', 'denied'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const WEAPON_TYPES = [
  'explosives', 'firearms', 'incendiary', 'melee', 'vehicle', 'chemical', 'biological',
  'radiological', 'nuclear', 'fake', 'sabotage', 'other', 'unknown',
] as const;
export type WeaponType = (typeof WEAPON_TYPES)[number];

export const TARGET_CATEGORIES = [
  'private_citizens', 'business', 'government', 'diplomatic', 'police', 'military', 'religious',
  'educational', 'journalists_media', 'transportation', 'airports_aircraft', 'maritime', 'utilities',
  'telecommunication', 'food_water', 'ngo', 'tourists', 'terrorists_militia', 'violent_political_party', 'other',
] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

/** "2015-11-13", "2015-11", "2015", or a range; null when unknown. */
export type IncidentDate = string | { from?: string; to?: string } | null;

export type LocationPrecision = 'exact' | 'city' | 'admin1' | 'region' | 'country';

export interface Location {
  country: string | null;
  countryCode: string | null;
  admin1: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  precision: LocationPrecision;
}

export interface Perpetrator {
  /** As the source names it. */
  name: string;
  kind: 'organization' | 'individual';
  attribution?: Attribution;
  /** Canonical actor id in the registry, for organizations found there. */
  actorId?: string;
  /** The registry's name for it ("Islamic State" where the text says "ISIS" or "Daesh"). */
  canonical?: string;
}

export interface Target { text: string; category: TargetCategory }
export interface Victim { text: string }
export interface Weapon { text: string; type: WeaponType }

/** A casualty count; `qualifier` keeps "at least", "more than", "dozens", ...; `max` the top of a range. */
export interface Count { value: number; qualifier?: string; max?: number }

/** Where a field's value came from: a span of a document's text, and the sentence around it. */
export interface Evidence {
  doc: string;
  field: string;
  /** The value as shown to a person (the count, the place name, the perpetrator...). */
  value?: string;
  start: number;
  end: number;
  text: string;
  sentenceStart?: number;
  sentenceEnd?: number;
}

export interface Incident {
  id: string;
  type: IncidentType;
  status: Status;
  date: IncidentDate;
  location: Location | null;
  perpetrators: Perpetrator[];
  targets: Target[];
  victims: Victim[];
  weapons: Weapon[];
  killed: Count | null;
  injured: Count | null;
  perpetratorsKilled?: Count | null;
  suicide: boolean;
  /** Shared by the sites of one coordinated attack. */
  group?: string;
  /** A passing reference to an earlier event ("the 2015 Paris attacks"): joins, never creates. */
  background?: boolean;
  summary?: string;
  evidence: Evidence[];
  sources: string[];
}

export interface Quote {
  speaker: string | null;
  role: string | null;
  affiliation: string | null;
  text: string;
  start: number;
  end: number;
}

/** What the extractor returns for one document. */
export interface Extraction {
  docId: string;
  incidents: Incident[];
  quotes: Quote[];
}
