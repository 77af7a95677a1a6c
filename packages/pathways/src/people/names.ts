type Named = { preferredName: string | null; givenName: string; familyName: string };

/** How a young person is named to the people working with them: the name they go by, then their family name. */
export function displayName(person: Named): string {
  return `${person.preferredName ?? person.givenName} ${person.familyName}`;
}

/** The least that still tells a worker who it is, for places that leave the system (a calendar): "Maya H." */
export function shortName(person: Named): string {
  return `${person.preferredName ?? person.givenName} ${person.familyName.slice(0, 1)}.`;
}
