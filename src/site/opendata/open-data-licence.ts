// The licence the open data files state (docs/opendata.md): the office's choice is CC BY 4.0,
// so anyone may reuse the records with credit to the site.
export const OPEN_DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
} as const;
