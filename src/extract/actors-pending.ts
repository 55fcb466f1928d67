export function findActors(_text: string, _o?: { upperCaseDoc?: boolean }): { start: number; end: number; text: string; actorId: string; name: string }[] { return []; }
