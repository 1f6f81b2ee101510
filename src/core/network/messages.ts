/**
 * The network's words (issue 22), French first: why a snapshot or a benchmarks line is refused, the
 * peer line of the dashboard, the roll-up's summary.
 */

export const NETWORK_TEXT = {
  reject: {
    notJson: { fr: 'ce n’est pas du JSON lisible', en: 'it is not readable JSON' },
    tooBig: {
      fr: 'fichier trop gros pour un instantané ({size} octets)',
      en: 'file too big for a snapshot ({size} bytes)',
    },
    notObject: { fr: 'ce n’est pas un objet JSON d’instantané', en: 'it is not a snapshot JSON object' },
    extraField: {
      fr: 'champ inattendu « {field} » (un instantané ne contient rien d’autre que ses champs prévus)',
      en: 'unexpected field "{field}" (a snapshot holds nothing but its own fields)',
    },
    missingField: { fr: 'champ « {field} » manquant', en: 'field "{field}" missing' },
    version: { fr: 'schema_version doit valoir {version}', en: 'schema_version must be {version}' },
    clubId: {
      fr: 'club_id invalide (8 à 64 lettres, chiffres, - ou _)',
      en: 'invalid club_id (8 to 64 letters, digits, - or _)',
    },
    networkId: {
      fr: 'network_id invalide (texte de 100 caractères au plus)',
      en: 'invalid network_id (text of at most 100 characters)',
    },
    band: { fr: 'size_band invalide (attendu : {bands})', en: 'invalid size_band (expected: {bands})' },
    period: {
      fr: 'période invalide (2026-03, 2026-Q1, 2026-S1, 2026, FY2026…)',
      en: 'invalid period (2026-03, 2026-Q1, 2026-S1, 2026, FY2026…)',
    },
    currency: {
      fr: 'devise invalide (code à 3 lettres, ex. EUR)',
      en: 'invalid currency (3-letter code, e.g. EUR)',
    },
    kpisList: { fr: '« kpis » doit être une liste', en: '"kpis" must be a list' },
    tooManyKpis: { fr: 'plus de {max} indicateurs', en: 'more than {max} KPIs' },
    kpiShape: {
      fr: 'indicateur n° {at} : attendu {id, value, n, unit} et rien d’autre',
      en: 'KPI no. {at}: expected {id, value, n, unit} and nothing else',
    },
    kpiUnknown: {
      fr: 'indicateur n° {at} : « {id} » n’est pas un indicateur numérique du catalogue',
      en: 'KPI no. {at}: "{id}" is not a numeric KPI of the catalogue',
    },
    kpiTwice: { fr: 'indicateur « {id} » présent deux fois', en: 'KPI "{id}" given twice' },
    kpiValue: { fr: 'indicateur « {id} » : valeur non numérique', en: 'KPI "{id}": value is not a number' },
    kpiN: {
      fr: 'indicateur « {id} » : n doit être un entier ≥ 0',
      en: 'KPI "{id}": n must be a whole number ≥ 0',
    },
    kpiUnit: {
      fr: 'indicateur « {id} » : unité attendue « {unit} »',
      en: 'KPI "{id}": unit must be "{unit}"',
    },
    duplicate: {
      fr: 'doublon : le club {club} a déjà un instantané pour {period} ({first})',
      en: 'duplicate: club {club} already has a snapshot for {period} ({first})',
    },
    otherNetwork: {
      fr: 'réseau « {network} », pas « {expected} »',
      en: 'network "{network}", not "{expected}"',
    },
  },
  rejectedLine: { fr: 'Refusé {file} : {reason}.', en: 'Rejected {file}: {reason}.' },
  otherCurrency: {
    fr: '{count} instantané(s) en une autre devise que {currency} : leurs montants sont laissés de côté.',
    en: '{count} snapshot(s) in another currency than {currency}: their amounts are left out.',
  },
  peer: {
    quartiles: {
      fr: ['1er quartile', '2e quartile', '3e quartile', '4e quartile'],
      en: ['1st quartile', '2nd quartile', '3rd quartile', '4th quartile'],
    },
    line: {
      fr: 'Réseau{colon}{quartile} des {clubs} clubs du réseau{band} — médiane {median}, quartiles {p25} à {p75}',
      en: 'Network{colon}{quartile} of {clubs} clubs in the network{band} — median {median}, quartiles {p25} to {p75}',
    },
    bandSuffix: { fr: ' de {band}', en: ' with {band}' },
    source: {
      fr: 'médiane des {clubs} clubs du réseau',
      en: 'median of {clubs} clubs in the network',
    },
  },
};
