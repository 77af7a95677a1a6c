/** English interface text: short sentences, everyday words (plain-language guidance, reading age ~9 in the young person's pages). */
export const en = {
  app: { name: 'Pathways', skip: 'Skip to main content', signOut: 'Sign out', language: 'Language', signedInAs: 'Signed in as {{name}} ({{role}})', mainNav: 'Main', demoLabel: 'Demonstration', demoTitle: 'This is a demonstration.', demoText: 'Its accounts have a published password and its people are made up: never enter real information here.' },
  nav: { caseload: 'Caseload', youngPeople: 'Young people', handovers: 'Handovers', inbox: 'Handover inbox', commissioning: 'Demand forecast', myPlan: 'My plan', aboutMe: 'About me', goals: 'My goals', agencies: 'Agency directory', reminders: 'Reminders', remindersUnread_one: 'Reminders ({{count}} new)', remindersUnread_other: 'Reminders ({{count}} new)' },
  signIn: { title: 'Sign in to Pathways', email: 'Email address', password: 'Password', submit: 'Sign in', wrong: 'That email address and password do not match. Check them and try again.', limited_one: 'Too many tries. Wait {{count}} minute, then try again.', limited_other: 'Too many tries. Wait {{count}} minutes, then try again.', limitedSeconds_one: 'Too many tries. Wait {{count}} second, then try again.', limitedSeconds_other: 'Too many tries. Wait {{count}} seconds, then try again.', busy: 'Pathways is busy signing people in. Try again in a moment.', demo: 'Demo accounts use the password “pathways-demo”.' },
  common: {
    loading: 'Loading…', saving: 'Saving…', save: 'Save', cancel: 'Cancel', reload: 'Reload', retry: 'Try again', close: 'Close', print: 'Print', download: 'Download', back: 'Back', none: 'None', optional: '(optional)', yes: 'Yes', no: 'No', all: 'All',
    error: 'Something went wrong: {{message}}', conflict: 'Someone else changed this while you were working on it. Reload to see their change, then try again.', notFound: 'We could not find this page, or it is not yours to see.',
    fieldError: '{{message}}', days_one: '{{count}} day', days_other: '{{count}} days', showing: 'Showing {{shown}} of {{total}}',
  },
  roles: { transition_worker: 'Transition worker', team_manager: 'Team manager', young_person: 'Young person', parent_carer: 'Parent or carer', adult_services: 'Adult services', commissioner: 'Commissioner', administrator: 'Administrator' },
  pathways: { education: 'Education', employment: 'Work', health: 'Health', social_care: 'Social care', independent_living: 'Where I live', community: 'Friends and community', finance_legal: 'Money and decisions', palliative: 'Palliative care' },
  status: { done: 'Done', overdue: 'Late', due: 'Due now', upcoming: 'Coming up', not_applicable: 'Does not apply' },
  agencies: {
    la_send: 'Council SEND team', school: 'School or college', childrens_social_care: 'Children’s social care', adult_social_care: 'Adult social care', nhs_childrens: 'Children’s health team', nhs_adult: 'Adult health team', icb_continuing_care: 'NHS continuing care', gp: 'GP', dwp: 'Department for Work and Pensions', careers: 'Careers adviser', palliative: 'Palliative care team', housing: 'Housing', young_person: 'The young person', family: 'Family', municipality: 'Municipality', region: 'Region',
  },
  outcomeAreas: { employment: 'Work', independent_living: 'Living on my own terms', community_inclusion: 'Friends and community', good_health: 'Good health' },
  goalStatus: { active: 'Working on it', achieved: 'Done', paused: 'Paused', dropped: 'Stopped' },
  handoverStatus: { draft: 'Draft', sent: 'Sent', acknowledged: 'Acknowledged', info_requested: 'More information asked for' },
  caseload: {
    title: 'Caseload', intro: 'Milestones due in the window you choose, soonest first. Each row says what is due, by when, why and who leads.',
    scope: 'Whose young people', from: 'Due from', to: 'Due to', worker: 'Worker', mine: 'Only my young people', everyone: 'Everyone in my area', pathway: 'Pathway', status: 'Status', agency: 'Lead agency', search: 'Find a young person', groupBy: 'Group by', group: { none: 'No grouping', person: 'Young person', pathway: 'Pathway', agency: 'Lead agency', status: 'Status', worker: 'Worker' },
    sortBy: 'Sort by', sort: { due: 'Due date', name: 'Name', pathway: 'Pathway', status: 'Status' },
    columns: { person: 'Young person', milestone: 'What is due', due: 'By when', why: 'Why', lead: 'Who leads', status: 'Status' },
    rows_one: '{{count}} milestone', rows_other: '{{count}} milestones', empty: 'Nothing is due in this window. Try a longer window or other filters.', truncated: 'Only the first {{shown}} of {{total}} milestones are shown. Narrow the window or filters.', unassigned: 'No named worker', dueIn: 'in {{days}}', dueToday: 'today', lateBy: '{{days}} late',
  },
  people: { title: 'Young people', search: 'Search by name', empty: 'No young people match.', born: 'Born {{date}}', open: 'Open plan' },
  plan: {
    title: 'Plan for {{name}}', born: 'Born {{date}} · NHS number {{nhs}}', noNhs: 'no NHS number recorded', worker: 'Named worker: {{name}}', noWorker: 'No named worker yet',
    timeline: 'Timeline from 14 to 25', timelineHelp: 'One lane for each pathway. Today is marked. Choose a milestone for details.', today: 'Today', age: 'Age {{age}}', lane: '{{pathway}} lane',
    milestoneLabel: '{{title}}: {{status}}, due {{date}}, led by {{lead}}', noDate: 'no date',
    pathways: 'Where each pathway is now', ended: 'Ended: {{reason}}', nextEvents: 'Can happen next',
    milestones: 'Milestones', showList: 'Milestones as a list', details: 'About this milestone', why: 'Why', source: 'Source', lead: 'Who leads', helpers: 'Also helping', window: 'Window opens {{date}}', completed: 'Done on {{date}}',
    recordNamed: 'Record: {{label}}', recordWith: 'Done by recording “{{label}}” under {{pathway}}.', complete: 'How to complete it', lastDone: 'Last done {{date}}', markDone: 'Mark as done', record: 'Record what happened', recordIn: 'Record what happened in {{pathway}}', event: 'What happened', date: 'When did it happen?', recorded: 'Saved. The plan is up to date.', refused: 'This could not be recorded: {{message}}',
    goals: 'Goals', handovers: 'Handovers', newHandover: 'Prepare a handover', audit: 'Who viewed or changed this record', auditWhen: 'When', auditWho: 'Who', auditWhat: 'What', auditEmpty: 'No entries yet.', fhir: 'Download plan (FHIR)', rejected: 'Events the plan could not use',
    noHandovers: 'No handovers yet.',
  },
  actions: { read: 'viewed', list: 'listed', create: 'added', update: 'changed', erase: 'erased', export: 'exported', send: 'sent', acknowledge: 'acknowledged', request_info: 'asked for more about', import: 'imported', record: 'recorded' },
  entities: { YoungPerson: 'the record', Plan: 'the plan', PathwayEvent: 'an event', Goal: 'a goal', GoalProgressNote: 'progress on a goal', Handover: 'a handover', AuditTrail: 'the audit trail', Consent: 'a consent' },
  goals: {
    title: 'Goals', intro: 'Goals in the young person’s own words.', myIntro: 'What you want to do. Write it your way.', add: 'Add a goal', text: 'My goal', area: 'Which part of life?', empty: 'No goals yet.', progress: 'Add progress', progressLabel: 'What went well or what changed?', notes: 'Progress', status: 'How is it going?', saved: 'Saved.',
  },
  aboutMe: { title: 'About me', intro: 'What matters to me, what I like, and how people should help me. This goes to the people who will help me as an adult.', label: 'About me and what matters to me', saved: 'Saved.', empty: 'Nothing written yet.' },
  myPlan: {
    title: 'My plan', hello: 'Hello, {{name}}', chooser: 'Whose plan?', next: 'What happens next', nextEmpty: 'Nothing is due soon.', helpers: 'Who will help me', worker: '{{name}} is your named worker.', noWorker: 'You do not have a named worker yet.', done: 'Things already done', easyRead: 'Easy read', easyReadHelp: 'Bigger text and pictures',
    by: 'By {{date}}', late: 'This is late. {{lead}} should do it now.', leads: '{{lead}} will help with this.', allMilestones: 'Everything in my plan',
  },
  handover: {
    title: 'Handover to {{agency}}', newTitle: 'Prepare a handover for {{name}}', agency: 'Adult agency', expectedTransfer: 'Expected move to adult services', dueBy: 'Send by', summary: 'Summary', whatMatters: 'What matters to the young person', needs: 'Needs', currentSupport: 'Current support', contacts: 'Contacts', pendingDecisions: 'Decisions still to make',
    create: 'Save draft', send: 'Send to adult services', sent: 'Sent on {{date}}', acknowledged: 'Acknowledged on {{date}}', notAcknowledged: 'Not acknowledged yet', infoRequest: 'They asked: {{text}}', print: 'Print', fhir: 'Download (FHIR)', status: 'Status', leadTime: 'Lead time left', daysLeft_one: '{{count}} day', daysLeft_other: '{{count}} days', daysPast_one: '{{count}} day ago', daysPast_other: '{{count}} days ago', youngPerson: 'Young person',
    fromAboutMe: 'Filled in from “about me”. Check it with the young person.', list: 'Handovers', empty: 'No handovers.',
  },
  inbox: { title: 'Handover inbox', intro: 'Young people coming to your service, soonest move first.', acknowledge: 'Acknowledge', ask: 'Ask for more information', askLabel: 'What do you need to know?', askSend: 'Send question', empty: 'No handovers have been sent to you.', openPlan: 'Open plan', open: 'Open handover' },
  forecast: {
    title: 'Demand forecast', intro: 'Milestones falling due in the next 24 months, counted. No names, dates of birth or NHS numbers. Counts under 5 are hidden, as in published statistics.',
    lateNow: 'Already late now', byMonth: 'By month and pathway', byAgency: 'By lead agency', table: 'The same figures as a table', month: 'Month', late: 'Already late', total: 'Total', suppressed: 'fewer than 5', csv: 'Download CSV', chartLabel: 'Bar chart of milestones due each month by pathway. The table below has the same figures.', agencyChartLabel: 'Bar chart of milestones by lead agency. The table below has the same figures.', count: 'Milestones', milestone: 'Milestone', area: 'Area',
  },
  directory: { title: 'Agency directory', type: 'Type', area: 'Area', services: 'Services', ages: 'Ages', contact: 'Contact', import: 'Import a local offer (Open Referral UK)', file: 'File (NDJSON or JSON)', imported: 'Imported {{created}} new and {{updated}} updated services; {{problems}} lines skipped.', empty: 'No agencies.' },
  events: { fields: 'Details', choose: 'Choose…', invalidDate: 'Write the date as YYYY-MM-DD.' },
  sharing: {
    title: 'Who may see this plan', titleOwn: 'Who can see my plan',
    decidesYoungPerson: 'From 16 the young person decides who sees their plan. Staff can write down what they agreed.', decidesParent: 'Until the young person is 16, a parent or carer decides who sees the plan.',
    decidesYou: 'You decide who can see this plan, and you can change your mind at any time.', nothing: 'No service outside the council team can see the plan yet.',
    partWith: '{{part}}: {{agency}}', everyAgency: 'every service working with them', familyAccess: 'My family can see my plan',
    parts: { handover: 'Who I am and my handover', plan: 'My plan (not health)', health: 'My health', goals: 'My goals and “about me”', family_access: 'My family can see my plan' },
    since: 'since {{date}}, agreed by {{who}}', by: { young_person: 'the young person', parent_carer: 'a parent or carer', best_interests: 'a best-interests decision' },
    withdraw: 'Stop sharing', add: 'Share more', part: 'What', with: 'With', agree: 'Agree to share', saved: 'Saved. They can see it now.',
    earlier_one: '{{count}} earlier agreement', earlier_other: '{{count}} earlier agreements', withdrawnOn: 'stopped on {{date}}',
  },
  information: {
    title: 'Everything we hold about them', titleOwn: 'Get a copy of everything about me',
    intro: 'A copy of everything Pathways holds about this young person, for a subject access request. Each copy is recorded.', introOwn: 'You can have a copy of everything Pathways knows about you, and who has looked at it.',
    printable: 'Open a copy to print', newTab: '(opens in a new tab)', file: 'Download a copy as a file',
  },
  reminders: {
    title: 'Reminders', intro: 'Each morning Pathways tells you when a milestone for one of your young people can start, or has become late.', empty: 'No reminders yet.', new: 'New',
    kind: { window_opens: '{{title}} for {{name}} can start now (from {{date}}).', overdue: '{{title}} for {{name}} is late: it was due on {{date}}.' },
    openPlan: 'Open {{name}}’s plan', markRead: 'Mark as read',
  },
  notFound: { title: 'Page not found' },
};

export type Messages = typeof en;
