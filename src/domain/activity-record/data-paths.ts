// The addresses of the activity records as data (issue 16 items 5 and 6): the calendar feed of
// upcoming activities and the open data files. Rate limited like the feeds (web/rate-limits.ts).
export const activityDataPaths = {
  ics: '/events.ics',
  csv: '/opendata/activities.csv',
  json: '/opendata/activities.json',
} as const;
