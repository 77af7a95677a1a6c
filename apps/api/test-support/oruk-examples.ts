/**
 * Open Referral UK records for the import tests. `V3_SERVICE` follows the shape of the UK
 * profile's own example (`examples/service_full.json` in OpenReferralUK/uk-profile: top-level
 * ages, schedules, service areas, cost options, nested organisation, attributes); `V1_SERVICE`
 * the v1 API's full service (`eligibilitys`, `service_taxonomys`, `service_at_locations` with
 * `physical_addresses`, `regular_schedules`). The words are ours.
 */
export const V3_SERVICE = {
  id: 'ac148810-d857-441c-9679-408f346de14b',
  name: 'Community Counselling',
  description:
    '<p>Counselling by trained professionals.</p><p>For people with anxiety, depression &amp; eating disorders.</p>',
  url: 'http://example.com/counselling',
  email: 'email@example.com',
  status: 'active',
  fees_description: 'Some sessions are charged',
  accreditations: 'Accredited practitioners',
  eligibility_description: 'Residents of MyCity',
  minimum_age: 12,
  maximum_age: 100,
  application_process: 'Call reception or fill in the online form.',
  assured_date: '2005-01-01',
  schedules: [
    {
      id: '48102e86-bb50-41c4-8f1e-e269368c41d1',
      freq: 'WEEKLY',
      byday: 'TH,FR',
      description: 'Weekdays from 10 am to 6 pm, not on public holidays.',
      opens_at: '10:00:00',
      closes_at: '18:00:00',
    },
  ],
  service_areas: [{ id: '381c64f1-a724-4884-9c21-ac96c21cca3e', name: 'MyCity', extent_type: 'geojson' }],
  service_at_locations: [
    {
      id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
      location: {
        id: 'loc-1',
        name: 'Counselling rooms',
        addresses: [{ address_1: '1 High Street', city: 'MyCity', postal_code: 'ab1 2cd', country: 'GB' }],
        accessibility: [{ description: 'Step-free access', details: 'Ramp at the side door' }],
      },
    },
  ],
  languages: [
    { id: '2989d3ed', name: 'English', code: 'en' },
    { name: 'Polish', code: 'pl' },
  ],
  organization: {
    id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
    name: 'Example Organization Inc.',
    description: 'A non-profit organisation',
    email: 'email@example.com',
    website: 'http://example.com',
  },
  cost_options: [
    { id: '1fdf4d39', option: 'Under 18s and Over 60s', amount: 35, amount_description: 'per 1 hour session' },
  ],
  contacts: [
    { id: '1e7efce3', name: 'Ann Persona', title: 'Reception Manager', phones: [{ number: '0300 000 0000' }] },
  ],
  attributes: [
    { id: 'ae58cc39', link_type: 'service', taxonomy_term: { id: 't1', code: 'mh', name: 'Mental health' } },
    { id: 'ae58cc40', link_type: 'service' },
  ],
};

export const V1_SERVICE = {
  id: 'v1-short-breaks',
  name: 'Saturday Short Breaks Club',
  description: 'Saturday activities and short breaks for disabled young people, so carers get a rest.',
  url: 'https://shortbreaks.example.org/saturday',
  email: 'referrals@shortbreaks.example.org',
  status: 'active',
  fees: 'Free for families with an EHC plan',
  application_process: 'Referral by a social worker or transition worker, with the family’s agreement.',
  organization: { id: 'org-sb', name: 'Short Breaks Trust', url: 'https://shortbreaks.example.org' },
  eligibilitys: [{ id: 'e1', eligibility: 'Disabled young people', minimum_age: 8, maximum_age: 18 }],
  service_taxonomys: [{ id: 'st1', taxonomy: { id: 'esd:1', name: 'Short breaks', vocabulary: 'esdServiceTypes' } }],
  service_at_locations: [
    {
      id: 'sal1',
      location: {
        id: 'l1',
        name: 'Meadow Centre',
        physical_addresses: [
          { address_1: '5 Meadow Lane', city: 'Northtown', postal_code: 'NS1 4AB', country: 'England' },
        ],
        accessibility_for_disabilities: [{ accessibility: 'Hoist and changing places toilet' }],
      },
    },
  ],
  regular_schedules: [{ id: 'r1', byday: 'SA', opens_at: '10:00', closes_at: '16:00' }],
  service_areas: [{ id: 'sa1', service_area: 'Northtown' }],
  languages: [{ id: 'lang1', language: 'English' }],
  cost_options: [{ id: 'c1', amount: 0, amount_description: 'per session' }],
  contacts: [{ id: 'c1', name: 'Referrals team', phones: [{ id: 'p1', number: '01234 567890' }] }],
};
