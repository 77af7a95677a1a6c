import type { Messages } from './en.ts';

/** Dansk brugerflade: korte sætninger og hverdagsord. Regelpakkens egne tekster kommer fra pakken. */
export const da: Messages = {
  app: { name: 'Pathways', skip: 'Gå til hovedindhold', signOut: 'Log ud', language: 'Sprog', signedInAs: 'Logget ind som {{name}} ({{role}})', mainNav: 'Hovedmenu', demoLabel: 'Demonstration', demoTitle: 'Dette er en demonstration.', demoText: 'Kontiene har en offentlig adgangskode, og personerne er opdigtede: skriv aldrig rigtige oplysninger her.' },
  nav: { caseload: 'Sagsoversigt', youngPeople: 'Unge', handovers: 'Overdragelser', inbox: 'Indbakke for overdragelser', commissioning: 'Behovsprognose', myPlan: 'Min plan', aboutMe: 'Om mig', goals: 'Mine mål', agencies: 'Myndighedsoversigt', reminders: 'Påmindelser', remindersUnread_one: 'Påmindelser ({{count}} ny)', remindersUnread_other: 'Påmindelser ({{count}} nye)' },
  signIn: { title: 'Log ind i Pathways', email: 'E-mailadresse', password: 'Adgangskode', submit: 'Log ind', wrong: 'E-mailadressen og adgangskoden passer ikke sammen. Tjek dem, og prøv igen.', limited_one: 'For mange forsøg. Vent {{count}} minut, og prøv så igen.', limited_other: 'For mange forsøg. Vent {{count}} minutter, og prøv så igen.', limitedSeconds_one: 'For mange forsøg. Vent {{count}} sekund, og prøv så igen.', limitedSeconds_other: 'For mange forsøg. Vent {{count}} sekunder, og prøv så igen.', busy: 'Pathways har travlt med at logge folk ind. Prøv igen om et øjeblik.', demo: 'Demokonti bruger adgangskoden “pathways-demo”.' },
  common: {
    loading: 'Indlæser…', saving: 'Gemmer…', save: 'Gem', cancel: 'Annuller', reload: 'Indlæs igen', retry: 'Prøv igen', close: 'Luk', print: 'Udskriv', download: 'Hent', back: 'Tilbage', none: 'Ingen', optional: '(valgfrit)', yes: 'Ja', no: 'Nej', all: 'Alle',
    error: 'Noget gik galt: {{message}}', conflict: 'En anden har ændret dette, mens du arbejdede. Indlæs igen for at se ændringen, og prøv så igen.', notFound: 'Vi kunne ikke finde siden, eller du må ikke se den.',
    fieldError: '{{message}}', days_one: '{{count}} dag', days_other: '{{count}} dage', showing: 'Viser {{shown}} af {{total}}',
  },
  roles: { transition_worker: 'Overgangsmedarbejder', team_manager: 'Teamleder', young_person: 'Ung', parent_carer: 'Forælder eller pårørende', adult_services: 'Voksenområdet', commissioner: 'Indkøber', administrator: 'Administrator' },
  pathways: { education: 'Uddannelse', employment: 'Arbejde', health: 'Sundhed', social_care: 'Social støtte', independent_living: 'Hvor jeg bor', community: 'Venner og fællesskab', finance_legal: 'Penge og beslutninger', palliative: 'Palliativ pleje' },
  status: { done: 'Klaret', overdue: 'For sent', due: 'Skal ske nu', upcoming: 'Kommer snart', not_applicable: 'Gælder ikke' },
  agencies: {
    la_send: 'Kommunens specialundervisningsteam', school: 'Skole eller uddannelsessted', childrens_social_care: 'Børne- og familieafdelingen', adult_social_care: 'Voksenhandicapområdet', nhs_childrens: 'Børneafdelingen (sundhed)', nhs_adult: 'Voksenafdelingen (sundhed)', icb_continuing_care: 'Varig sundhedspleje (NHS)', gp: 'Egen læge', dwp: 'Ydelsesmyndigheden', careers: 'Uddannelsesvejleder', palliative: 'Palliativt team', housing: 'Bolig', young_person: 'Den unge', family: 'Familien', municipality: 'Kommunen', region: 'Regionen',
  },
  outcomeAreas: { employment: 'Arbejde', independent_living: 'At leve på mine egne præmisser', community_inclusion: 'Venner og fællesskab', good_health: 'Godt helbred' },
  goalStatus: { active: 'Arbejder på det', achieved: 'Klaret', paused: 'På pause', dropped: 'Stoppet' },
  handoverStatus: { draft: 'Kladde', sent: 'Sendt', acknowledged: 'Modtaget', info_requested: 'Der er bedt om flere oplysninger' },
  caseload: {
    title: 'Sagsoversigt', intro: 'Milepæle med frist i det valgte tidsrum, den nærmeste først. Hver række viser hvad, hvornår, hvorfor og hvem der har ansvaret.',
    scope: 'Hvilke unge', from: 'Frist fra', to: 'Frist til', worker: 'Medarbejder', mine: 'Kun mine unge', everyone: 'Alle i mit område', pathway: 'Forløb', status: 'Status', agency: 'Ansvarlig myndighed', search: 'Find en ung', groupBy: 'Gruppér efter', group: { none: 'Ingen gruppering', person: 'Ung', pathway: 'Forløb', agency: 'Ansvarlig myndighed', status: 'Status', worker: 'Medarbejder' },
    sortBy: 'Sortér efter', sort: { due: 'Frist', name: 'Navn', pathway: 'Forløb', status: 'Status' },
    columns: { person: 'Ung', milestone: 'Hvad skal ske', due: 'Hvornår', why: 'Hvorfor', lead: 'Hvem har ansvaret', status: 'Status' },
    rows_one: '{{count}} milepæl', rows_other: '{{count}} milepæle', empty: 'Intet har frist i dette tidsrum. Prøv et længere tidsrum eller andre filtre.', truncated: 'Kun de første {{shown}} af {{total}} milepæle vises. Gør tidsrummet eller filtrene smallere.', unassigned: 'Ingen fast medarbejder', dueIn: 'om {{days}}', dueToday: 'i dag', lateBy: '{{days}} for sent',
  },
  people: { title: 'Unge', search: 'Søg efter navn', empty: 'Ingen unge passer.', born: 'Født {{date}}', open: 'Åbn plan' },
  plan: {
    title: 'Plan for {{name}}', born: 'Født {{date}} · NHS-nummer {{nhs}}', noNhs: 'intet NHS-nummer registreret', worker: 'Fast medarbejder: {{name}}', noWorker: 'Ingen fast medarbejder endnu',
    timeline: 'Tidslinje fra 14 til 25 år', timelineHelp: 'Én bane for hvert forløb. I dag er markeret. Vælg en milepæl for at se detaljer.', today: 'I dag', age: '{{age}} år', lane: 'Bane for {{pathway}}',
    milestoneLabel: '{{title}}: {{status}}, frist {{date}}, ansvar: {{lead}}', noDate: 'ingen dato',
    pathways: 'Hvor hvert forløb er nu', ended: 'Afsluttet: {{reason}}', nextEvents: 'Kan ske nu',
    milestones: 'Milepæle', showList: 'Milepæle som liste', details: 'Om denne milepæl', why: 'Hvorfor', source: 'Kilde', lead: 'Hvem har ansvaret', helpers: 'Hjælper også', window: 'Starter {{date}}', completed: 'Klaret {{date}}',
    recordNamed: 'Registrér: {{label}}', recordWith: 'Klares ved at registrere “{{label}}” under {{pathway}}.', complete: 'Sådan klares den', lastDone: 'Sidst klaret {{date}}', markDone: 'Markér som klaret', record: 'Registrér hvad der skete', recordIn: 'Registrér hvad der skete i {{pathway}}', event: 'Hvad skete der', date: 'Hvornår skete det?', recorded: 'Gemt. Planen er opdateret.', refused: 'Det kunne ikke registreres: {{message}}',
    goals: 'Mål', handovers: 'Overdragelser', newHandover: 'Forbered en overdragelse', audit: 'Hvem har set eller ændret denne journal', auditWhen: 'Hvornår', auditWho: 'Hvem', auditWhat: 'Hvad', auditEmpty: 'Ingen registreringer endnu.', fhir: 'Hent plan (FHIR)', rejected: 'Hændelser planen ikke kunne bruge',
    noHandovers: 'Ingen overdragelser endnu.',
  },
  actions: { read: 'så', list: 'listede', create: 'tilføjede', update: 'ændrede', erase: 'slettede', export: 'eksporterede', send: 'sendte', acknowledge: 'kvitterede for', request_info: 'bad om mere om', import: 'importerede', record: 'registrerede' },
  entities: { YoungPerson: 'journalen', Plan: 'planen', PathwayEvent: 'en hændelse', Goal: 'et mål', GoalProgressNote: 'fremskridt på et mål', Handover: 'en overdragelse', AuditTrail: 'logen', Consent: 'et samtykke' },
  goals: {
    title: 'Mål', intro: 'Mål med den unges egne ord.', myIntro: 'Det du gerne vil. Skriv det på din måde.', add: 'Tilføj et mål', text: 'Mit mål', area: 'Hvilken del af livet?', empty: 'Ingen mål endnu.', progress: 'Tilføj fremskridt', progressLabel: 'Hvad gik godt, eller hvad har ændret sig?', notes: 'Fremskridt', status: 'Hvordan går det?', saved: 'Gemt.',
  },
  aboutMe: { title: 'Om mig', intro: 'Hvad der betyder noget for mig, hvad jeg kan lide, og hvordan andre skal hjælpe mig. Det går videre til dem, der skal hjælpe mig som voksen.', label: 'Om mig og hvad der betyder noget for mig', saved: 'Gemt.', empty: 'Intet skrevet endnu.' },
  myPlan: {
    title: 'Min plan', hello: 'Hej, {{name}}', chooser: 'Hvis plan?', next: 'Hvad sker der nu', nextEmpty: 'Intet skal ske lige nu.', helpers: 'Hvem hjælper mig', worker: '{{name}} er din faste medarbejder.', noWorker: 'Du har ikke en fast medarbejder endnu.', done: 'Det, der allerede er klaret', easyRead: 'Let læst', easyReadHelp: 'Større tekst og billeder',
    by: 'Senest {{date}}', late: 'Det er for sent. {{lead}} skal gøre det nu.', leads: '{{lead}} hjælper med det.', allMilestones: 'Alt i min plan',
  },
  handover: {
    title: 'Overdragelse til {{agency}}', newTitle: 'Forbered en overdragelse for {{name}}', agency: 'Voksenmyndighed', expectedTransfer: 'Forventet overgang til voksenområdet', dueBy: 'Send senest', summary: 'Resumé', whatMatters: 'Hvad der betyder noget for den unge', needs: 'Behov', currentSupport: 'Nuværende støtte', contacts: 'Kontakter', pendingDecisions: 'Beslutninger, der mangler',
    create: 'Gem kladde', send: 'Send til voksenområdet', sent: 'Sendt {{date}}', acknowledged: 'Modtaget {{date}}', notAcknowledged: 'Ikke kvitteret endnu', infoRequest: 'De spurgte: {{text}}', print: 'Udskriv', fhir: 'Hent (FHIR)', status: 'Status', leadTime: 'Tid tilbage', daysLeft_one: '{{count}} dag', daysLeft_other: '{{count}} dage', daysPast_one: 'for {{count}} dag siden', daysPast_other: 'for {{count}} dage siden', youngPerson: 'Ung',
    fromAboutMe: 'Udfyldt fra “om mig”. Tjek det med den unge.', list: 'Overdragelser', empty: 'Ingen overdragelser.',
  },
  inbox: { title: 'Indbakke for overdragelser', intro: 'Unge, der kommer til jeres område, den nærmeste overgang først.', acknowledge: 'Kvittér', ask: 'Bed om flere oplysninger', askLabel: 'Hvad har I brug for at vide?', askSend: 'Send spørgsmål', empty: 'Ingen overdragelser er sendt til jer.', openPlan: 'Åbn plan', open: 'Åbn overdragelse' },
  forecast: {
    title: 'Behovsprognose', intro: 'Milepæle med frist de næste 24 måneder, talt op. Ingen navne, fødselsdatoer eller NHS-numre. Tal under 5 skjules, som i offentlig statistik.',
    lateNow: 'Allerede for sent nu', byMonth: 'Efter måned og forløb', byAgency: 'Efter ansvarlig myndighed', table: 'De samme tal som tabel', month: 'Måned', late: 'Allerede for sent', total: 'I alt', suppressed: 'færre end 5', csv: 'Hent CSV', chartLabel: 'Søjlediagram over milepæle med frist hver måned efter forløb. Tabellen nedenfor har de samme tal.', agencyChartLabel: 'Søjlediagram over milepæle efter ansvarlig myndighed. Tabellen nedenfor har de samme tal.', count: 'Milepæle', milestone: 'Milepæl', area: 'Område',
  },
  directory: { title: 'Myndighedsoversigt', type: 'Type', area: 'Område', services: 'Tilbud', ages: 'Alder', contact: 'Kontakt', import: 'Importér et lokalt tilbud (Open Referral UK)', file: 'Fil (NDJSON eller JSON)', imported: 'Importerede {{created}} nye og {{updated}} opdaterede tilbud; {{problems}} linjer sprunget over.', empty: 'Ingen myndigheder.' },
  events: { fields: 'Detaljer', choose: 'Vælg…', invalidDate: 'Skriv datoen som ÅÅÅÅ-MM-DD.' },
  sharing: {
    title: 'Hvem må se planen', titleOwn: 'Hvem kan se min plan',
    decidesYoungPerson: 'Fra 16 år bestemmer den unge selv, hvem der ser planen. Medarbejdere kan skrive ned, hvad der er aftalt.', decidesParent: 'Indtil den unge fylder 16, bestemmer en forælder eller omsorgsperson, hvem der ser planen.',
    decidesYou: 'Du bestemmer, hvem der kan se planen, og du kan altid ombestemme dig.', nothing: 'Ingen tilbud uden for kommunens team kan se planen endnu.',
    partWith: '{{part}}: {{agency}}', everyAgency: 'alle tilbud, der arbejder med den unge', familyAccess: 'Min familie kan se min plan',
    parts: { handover: 'Hvem jeg er og min overdragelse', plan: 'Min plan (ikke helbred)', health: 'Mit helbred', goals: 'Mine mål og “om mig”', family_access: 'Min familie kan se min plan' },
    since: 'siden {{date}}, aftalt af {{who}}', by: { young_person: 'den unge', parent_carer: 'en forælder eller omsorgsperson', best_interests: 'en beslutning til den unges bedste' },
    withdraw: 'Stop deling', add: 'Del mere', part: 'Hvad', with: 'Med', agree: 'Giv lov til at dele', saved: 'Gemt. De kan se det nu.',
    earlier_one: '{{count}} tidligere aftale', earlier_other: '{{count}} tidligere aftaler', withdrawnOn: 'stoppet {{date}}',
  },
  information: {
    title: 'Alt, vi har om den unge', titleOwn: 'Få en kopi af alt om mig',
    intro: 'En kopi af alt, Pathways har om den unge, til en anmodning om indsigt. Hver kopi bliver registreret.', introOwn: 'Du kan få en kopi af alt, Pathways ved om dig, og hvem der har set det.',
    printable: 'Åbn en kopi til udskrift', newTab: '(åbner i en ny fane)', file: 'Hent en kopi som fil',
  },
  reminders: {
    title: 'Påmindelser', intro: 'Hver morgen fortæller Pathways dig, når en milepæl for en af dine unge kan begynde eller er blevet forsinket.', empty: 'Ingen påmindelser endnu.', new: 'Ny',
    kind: { window_opens: '{{title}} for {{name}} kan begynde nu (fra {{date}}).', overdue: '{{title}} for {{name}} er forsinket: fristen var {{date}}.' },
    openPlan: 'Åbn {{name}}s plan', markRead: 'Markér som læst',
  },
  notFound: { title: 'Siden findes ikke' },
};
