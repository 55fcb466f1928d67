// Gazetteer: places (GeoNames data from npm, aliases, regions) and actors (a curated registry).
export {
  findPlaces, resolvePlace, countryCounts, toLocation, countryOfDemonym, getCountry, loadPlaces, locativeCueBefore,
  type GeoPlace, type PlaceKind, type PlaceMention, type FindPlacesOptions, type Span,
} from './places.js';
export { findActors, getActor, canonicalActor, rootActor, allActors, type Actor, type ActorAlias, type ActorMention } from './actors.js';
export { fold, casingOf, type Casing } from './tokens.js';
