const HOME: Record<string, string> = {
  transition_worker: '/caseload',
  team_manager: '/caseload',
  young_person: '/my-plan',
  parent_carer: '/my-plan',
  adult_services: '/inbox',
  sen_coordinator: '/linked',
  health_professional: '/linked',
  social_worker: '/linked',
  contributor: '/linked',
  commissioner: '/commissioning',
  administrator: '/accounts',
};

/** Where each role starts; an unknown role lands on "not found" rather than in a redirect loop. */
export const homeOf = (role: string) => HOME[role] ?? '/not-found';
