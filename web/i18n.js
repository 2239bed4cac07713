/* subsim page: interface strings (labels, headings, help) in English and French, formatting of
 * dates and amounts for tables, and access to the engine's narration: every sentence that says
 * what happens and why (events, what-if answers, expectations) comes from the WebAssembly
 * module's narrator (SPEC §4.1), never from here. Classic script (the page must work from file://, where ES modules do not load):
 * it defines the global SubSimText. Nothing here touches the DOM. */
(function (global) {
  'use strict';

  var UI = {
    en: {
      appTagline: 'Subscription lifecycle simulator',
      skipToResults: 'Skip to the results',
      language: 'Language',
      scenario: 'Scenario',
      pickScenario: 'Bundled scenarios',
      customScenario: '(your scenario)',
      otherScenarios: 'Edge cases and other scenarios',
      loadFile: 'Open a file…',
      editorLabel: 'Scenario JSON (edit, paste or drop a file here)',
      editorHint: 'Edits are simulated as you type. Drop a .json file onto the editor to load it.',
      dropHere: 'Drop the scenario file to load it',
      loadingEngine: 'Loading the simulation engine…',
      engineFailed: 'The simulation engine could not be loaded: ',
      valid: 'Valid scenario: simulated.',
      errorsTitle: function (n) { return n === 1 ? '1 error in the scenario' : n + ' errors in the scenario'; },
      staleNote: 'The timeline below is the last valid result. Fix the errors to update it.',
      noResultYet: 'No valid result yet.',
      lineCol: function (l, c) { return 'Line ' + l + ', column ' + c; },
      lineShort: function (l) { return 'Line ' + l; },
      caretError: function (l, m) { return 'Line ' + l + ': ' + m; },
      summary: 'Summary',
      period: 'Simulated',
      periodValue: function (a, b) { return a + ' – ' + b; },
      currency: 'Currency',
      totalCharged: 'Total charged',
      account: 'Account',
      accountOpen: 'open',
      accountClosed: 'closed',
      source: 'Source',
      statesOnUntil: 'State on the last day',
      timeline: 'Timeline',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      zoomFit: 'Fit',
      scale: function (span) { return 'Showing ' + span; },
      timelineLabel: 'Timeline. Use the arrow keys to move between bars and markers, + and - to zoom, 0 to fit.',
      timelineHelp: 'Keyboard: ← → previous/next item in a lane, ↑ ↓ other lanes, + − zoom, 0 fit, Home/End first/last item, Enter show the event in the list.',
      accountLane: 'Account',
      legend: 'Legend',
      events: 'Events',
      filter: 'Show',
      filterAll: 'All subscriptions',
      filterAccount: 'Account',
      showMore: function (n) { return 'Show ' + n + ' more'; },
      eventCount: function (shown, total) { return shown === total ? total + ' events' : shown + ' of ' + total + ' events'; },
      invoices: 'Invoices',
      invoiceDate: 'Date',
      invoiceSub: 'Subscription',
      invoiceLines: 'Lines',
      invoiceAmount: 'Amount',
      invoiceTotal: 'Total charged',
      noInvoices: 'No invoice was issued.',
      invoiceCount: function (shown, total) { return shown === total ? total + ' invoices' : shown + ' of ' + total + ' invoices'; },
      expectations: 'Expectations',
      noExpectations: 'This scenario states no expectation.',
      passed: 'passed',
      failed: 'failed',
      expSummary: function (p, n) { return p + ' of ' + n + ' passed'; },
      expShow: function (n) { return n === 1 ? 'Show the expectation' : 'Show the ' + n + ' expectations'; },
      rule: 'rule',
      details: 'Details',
      footer: 'Everything runs in your browser; nothing is sent anywhere.',
      engineVersion: function (v) { return 'Engine ' + v + ' (WebAssembly)'; },
      dayCount: function (n) { return n === 1 ? '1 day' : n + ' days'; },
      monthCount: function (n) { return n === 1 ? '1 month' : n + ' months'; },
      yearCount: function (n) { return n === 1 ? '1 year' : n + ' years'; },
      fromTo: function (a, b) { return a + ' → ' + b; },
      until: function (a) { return 'until ' + a; },
      clusterOf: function (n, what) { return n + ' × ' + what; },
      bundle: 'bundle',
      graceLegend: 'expired, renewal still possible',
      graceUntil: function (d) { return 'can still be renewed until ' + d; },
      articleLink: 'Help-center demo article',
      undo: 'Undo', redo: 'Redo', download: 'Download', shareEmbed: 'Share & embed',
      undoTitle: 'Undo (Ctrl+Z outside the editor)', redoTitle: 'Redo (Ctrl+Shift+Z outside the editor)',
      downloadTitle: 'Download the scenario, with its what-if actions',
      whatifTitle: 'What if…?',
      compareTitle: 'Before / after',
      compareNote: 'The scenario as written (before) and with the what-if actions (after), on the same scale.',
      before: 'Before', after: 'After', difference: 'Difference',
      cmpTotal: 'Total charged', cmpInvoices: 'Invoices', cmpState: function (s) { return 'State of ' + s + ' on the last day'; },
      cmpAccount: 'Account on the last day',
      cmpGone: 'No longer charged', cmpNew: 'Charged only with the what-if actions', cmpSame: 'The same invoices are issued.',
      shareLink: 'Share link',
      shareNote: 'The link carries the scenario and its what-if actions, compressed, after the “#”: nothing is sent anywhere.',
      copy: 'Copy', copied: 'Copied to the clipboard.', copyFailed: 'Select the text and copy it (Ctrl+C).',
      close: 'Close',
      embedTitle: 'Embed a live timeline',
      embedWhatif: 'with the what-if controls',
      embedLang: 'Language', embedLangHost: 'the host page’s',
      embedIframe: 'Iframe (works where articles allow only HTML)',
      embedElement: 'Script and custom element',
      copyEmbed: 'Copy embed code',
      embedNote: 'Host subsim’s files (embed.html, subsim-embed.js, subsim.js, subsim.wasm) next to each other; the code points at where this page is served from.',
      linkFailed: 'The link could not be opened: ',
      embedLabel: function (t) { return 'Subscription timeline: ' + t; },
      embedOpen: 'Open in the simulator',
      embedReset: 'Back to the scenario as written',
      embedNoScenario: 'No scenario: give the element a src attribute or the scenario JSON inside it.',
      embedCannotLoad: function (src, why) { return 'The scenario ' + src + ' could not be loaded (' + why + '). From a file:// page, put the scenario inside the element instead.'; },
      embedInvalid: 'This scenario cannot be simulated:',
      embedEvents: function (n) { return n === 1 ? '1 event, explained' : n + ' events, explained'; },
    },
    fr: {
      appTagline: 'Simulateur du cycle de vie des abonnements',
      skipToResults: 'Aller aux résultats',
      language: 'Langue',
      scenario: 'Scénario',
      pickScenario: 'Scénarios fournis',
      customScenario: '(votre scénario)',
      otherScenarios: 'Cas limites et autres scénarios',
      loadFile: 'Ouvrir un fichier…',
      editorLabel: 'Scénario JSON (modifiez, collez ou déposez un fichier ici)',
      editorHint: 'Chaque modification est simulée aussitôt. Déposez un fichier .json sur l’éditeur pour le charger.',
      dropHere: 'Déposez le fichier du scénario pour le charger',
      loadingEngine: 'Chargement du moteur de simulation…',
      engineFailed: 'Le moteur de simulation n’a pas pu être chargé : ',
      valid: 'Scénario valide : simulé.',
      errorsTitle: function (n) { return n === 1 ? '1 erreur dans le scénario' : n + ' erreurs dans le scénario'; },
      staleNote: 'La chronologie ci-dessous est le dernier résultat valide. Corrigez les erreurs pour la mettre à jour.',
      noResultYet: 'Pas encore de résultat valide.',
      lineCol: function (l, c) { return 'Ligne ' + l + ', colonne ' + c; },
      lineShort: function (l) { return 'Ligne ' + l; },
      caretError: function (l, m) { return 'Ligne ' + l + ' : ' + m; },
      summary: 'Résumé',
      period: 'Période simulée',
      periodValue: function (a, b) { return 'du ' + a + ' au ' + b; },
      currency: 'Devise',
      totalCharged: 'Total facturé',
      account: 'Compte',
      accountOpen: 'ouvert',
      accountClosed: 'fermé',
      source: 'Source',
      statesOnUntil: 'État le dernier jour',
      timeline: 'Chronologie',
      zoomIn: 'Zoomer',
      zoomOut: 'Dézoomer',
      zoomFit: 'Tout voir',
      scale: function (span) { return 'Vue : ' + span; },
      timelineLabel: 'Chronologie. Les flèches parcourent les barres et les marqueurs, + et - zooment, 0 affiche tout.',
      timelineHelp: 'Clavier : ← → élément précédent/suivant d’une ligne, ↑ ↓ autres lignes, + − zoom, 0 tout voir, Début/Fin premier/dernier élément, Entrée montrer l’événement dans la liste.',
      accountLane: 'Compte',
      legend: 'Légende',
      events: 'Événements',
      filter: 'Afficher',
      filterAll: 'Tous les abonnements',
      filterAccount: 'Compte',
      showMore: function (n) { return 'Afficher ' + n + ' de plus'; },
      eventCount: function (shown, total) { return shown === total ? total + ' événements' : shown + ' sur ' + total + ' événements'; },
      invoices: 'Factures',
      invoiceDate: 'Date',
      invoiceSub: 'Abonnement',
      invoiceLines: 'Lignes',
      invoiceAmount: 'Montant',
      invoiceTotal: 'Total facturé',
      noInvoices: 'Aucune facture émise.',
      invoiceCount: function (shown, total) { return shown === total ? total + ' factures' : shown + ' sur ' + total + ' factures'; },
      expectations: 'Attendus',
      noExpectations: 'Ce scénario ne déclare aucun attendu.',
      passed: 'réussi',
      failed: 'échoué',
      expSummary: function (p, n) { return p + ' sur ' + n + ' réussis'; },
      expShow: function (n) { return n === 1 ? 'Afficher l’attendu' : 'Afficher les ' + n + ' attendus'; },
      rule: 'règle',
      details: 'Détails',
      footer: 'Tout s’exécute dans votre navigateur ; rien n’est envoyé.',
      engineVersion: function (v) { return 'Moteur ' + v + ' (WebAssembly)'; },
      dayCount: function (n) { return n === 1 ? '1 jour' : n + ' jours'; },
      monthCount: function (n) { return n + ' mois'; },
      yearCount: function (n) { return n === 1 ? '1 an' : n + ' ans'; },
      fromTo: function (a, b) { return a + ' → ' + b; },
      until: function (a) { return 'jusqu’au ' + a; },
      clusterOf: function (n, what) { return n + ' × ' + what; },
      bundle: 'offre groupée',
      graceLegend: 'expiré, renouvelable encore',
      graceUntil: function (d) { return 'encore renouvelable jusqu’au ' + d; },
      articleLink: 'Article d’aide de démonstration',
      undo: 'Annuler', redo: 'Rétablir', download: 'Télécharger', shareEmbed: 'Partager et intégrer',
      undoTitle: 'Annuler (Ctrl+Z hors de l’éditeur)', redoTitle: 'Rétablir (Ctrl+Maj+Z hors de l’éditeur)',
      downloadTitle: 'Télécharger le scénario, avec ses actions « et si »',
      whatifTitle: 'Et si… ?',
      compareTitle: 'Avant / après',
      compareNote: 'Le scénario tel qu’il est écrit (avant) et avec les actions « et si » (après), à la même échelle.',
      before: 'Avant', after: 'Après', difference: 'Différence',
      cmpTotal: 'Total facturé', cmpInvoices: 'Factures', cmpState: function (s) { return 'État de ' + s + ' le dernier jour'; },
      cmpAccount: 'Compte le dernier jour',
      cmpGone: 'Plus facturé', cmpNew: 'Facturé seulement avec les actions « et si »', cmpSame: 'Les mêmes factures sont émises.',
      shareLink: 'Lien de partage',
      shareNote: 'Le lien contient le scénario et ses actions « et si », compressés, après le « # » : rien n’est envoyé nulle part.',
      copy: 'Copier', copied: 'Copié dans le presse-papiers.', copyFailed: 'Sélectionnez le texte et copiez-le (Ctrl+C).',
      close: 'Fermer',
      embedTitle: 'Intégrer une chronologie vivante',
      embedWhatif: 'avec les commandes « et si »',
      embedLang: 'Langue', embedLangHost: 'celle de la page hôte',
      embedIframe: 'Iframe (pour les articles qui n’acceptent que du HTML)',
      embedElement: 'Script et élément personnalisé',
      copyEmbed: 'Copier le code d’intégration',
      embedNote: 'Hébergez les fichiers de subsim (embed.html, subsim-embed.js, subsim.js, subsim.wasm) côte à côte ; le code pointe vers l’adresse d’où cette page est servie.',
      linkFailed: 'Le lien n’a pas pu être ouvert : ',
      embedLabel: function (t) { return 'Chronologie d’abonnement : ' + t; },
      embedOpen: 'Ouvrir dans le simulateur',
      embedReset: 'Revenir au scénario tel qu’il est écrit',
      embedNoScenario: 'Aucun scénario : donnez à l’élément un attribut src ou le JSON du scénario en contenu.',
      embedCannotLoad: function (src, why) { return 'Le scénario ' + src + ' n’a pas pu être chargé (' + why + '). Depuis une page file://, placez plutôt le scénario dans l’élément.'; },
      embedInvalid: 'Ce scénario ne peut pas être simulé :',
      embedEvents: function (n) { return n === 1 ? '1 événement, expliqué' : n + ' événements, expliqués'; },
    },
  };

  var STATES = {
    en: { trialing: 'trial', pending_activation: 'awaiting activation', active: 'active', pending_cancellation: 'pending cancellation',
          cancelled: 'cancelled', expired: 'expired', not_started: 'not started' },
    fr: { trialing: 'essai', pending_activation: 'en attente d’activation', active: 'actif', pending_cancellation: 'résiliation en attente',
          cancelled: 'résilié', expired: 'expiré', not_started: 'pas commencé' },
  };

  var TYPES = {
    en: {
      subscription_started: 'Start', trial_started: 'Trial starts', trial_ending: 'Trial reminder',
      trial_converted: 'Trial converted', trial_expired: 'Trial expired', invoice: 'Invoice',
      renewed: 'Renewal', renewal_reminder: 'Renewal reminder', cancellation_requested: 'Cancellation request',
      cancellation_scheduled: 'Cancellation scheduled', cancellation_effective: 'Cancellation effective',
      reactivated: 'Reactivation', action_refused: 'Refused', email: 'E-mail', expired: 'Expiry',
      grace_ended: 'Grace ended', price_changed: 'Price change', account_closed: 'Account closed',
      data_deleted: 'Data deleted', transfer_requested: 'Transfer request', transfer_completed: 'Transfer completed',
      activated: 'Activation',
    },
    fr: {
      subscription_started: 'Début', trial_started: 'Début d’essai', trial_ending: 'Rappel d’essai',
      trial_converted: 'Essai converti', trial_expired: 'Essai expiré', invoice: 'Facture',
      renewed: 'Renouvellement', renewal_reminder: 'Rappel de renouvellement', cancellation_requested: 'Demande de résiliation',
      cancellation_scheduled: 'Résiliation programmée', cancellation_effective: 'Résiliation effective',
      reactivated: 'Réactivation', action_refused: 'Refus', email: 'E-mail', expired: 'Expiration',
      grace_ended: 'Fin du délai de grâce', price_changed: 'Changement de prix', account_closed: 'Compte fermé',
      data_deleted: 'Données supprimées', transfer_requested: 'Demande de transfert', transfer_completed: 'Transfert effectué',
      activated: 'Activation',
    },
  };

  var MARKERS = {
    en: { invoice: 'invoice', reminder: 'reminder', email: 'e-mail', refusal: 'refused action',
          notice: 'notice deadline', notice_missed: 'notice deadline missed', request: 'request',
          milestone: 'other event' },
    fr: { invoice: 'facture', reminder: 'rappel', email: 'e-mail', refusal: 'action refusée',
          notice: 'date limite de préavis', notice_missed: 'préavis manqué', request: 'demande',
          milestone: 'autre événement' },
  };

  var ACTIONS = {
    en: { cancel: 'cancel', reactivate: 'reactivate', renew: 'renew', transfer: 'transfer',
          close_account: 'close the account', add_payment_method: 'add a payment method', activate: 'activate' },
    fr: { cancel: 'résilier', reactivate: 'réactiver', renew: 'renouveler', transfer: 'transférer',
          close_account: 'fermer le compte', add_payment_method: 'ajouter un moyen de paiement', activate: 'activer' },
  };

  // Helpers bound to one language, one scenario and one result.
  function Context(lang, scenario, result, narration) {
    this.narration = narration || null;
    this.lang = lang === 'fr' ? 'fr' : 'en';
    this.ui = UI[this.lang];
    this.scenario = scenario || {};
    this.result = result || {};
    var currency = (result && result.summary && result.summary.currency) || this.scenario.currency || 'EUR';
    var locale = this.lang === 'fr' ? 'fr-FR' : 'en-GB';
    this.dateFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    this.dateLongFmt = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    try {
      this.moneyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency: currency });
      this.fractionDigits = this.moneyFmt.resolvedOptions().maximumFractionDigits;
    } catch (e) {
      this.moneyFmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      this.fractionDigits = 2;
    }
    this.locale = locale;
    this.currency = currency;
    var cat = this.scenario.catalog || {};
    this.products = {};
    (cat.products || []).forEach(function (p) { if (p && p.id) this.products[p.id] = p; }, this);
    this.bundles = {};
    (cat.bundles || []).forEach(function (b) { if (b && b.id) this.bundles[b.id] = b; }, this);
    this.plans = {};
    (cat.plans || []).forEach(function (p) { if (p && p.id) this.plans[p.id] = p; }, this);
    this.subs = {};
    (this.scenario.subscriptions || []).forEach(function (s) { if (s && s.id) this.subs[s.id] = s; }, this);
    var acc = this.scenario.account || {};
    this.users = {};
    (acc.users || []).forEach(function (u) { if (u && u.id) this.users[u.id] = u; }, this);
    if (acc.owner && !this.users[acc.owner]) this.users[acc.owner] = { id: acc.owner, role: 'owner' };
  }

  Context.prototype.date = function (iso) {
    if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return String(iso);
    var t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
    return this.dateFmt.format(new Date(t));
  };
  Context.prototype.dayBefore = function (iso) {
    var t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - 86400000;
    return new Date(t).toISOString().slice(0, 10);
  };
  // "P7D" -> "7 days", "P1M" -> "1 month" (single-unit ISO-8601 durations, SPEC §1).
  Context.prototype.duration = function (iso) {
    var m = /^P(\d+)([DWMY])$/.exec(String(iso));
    if (!m) return String(iso);
    var n = +m[1], fr = this.lang === 'fr';
    switch (m[2]) {
      case 'D': return this.ui.dayCount(n);
      case 'W': return fr ? n + (n === 1 ? ' semaine' : ' semaines') : n + (n === 1 ? ' week' : ' weeks');
      case 'M': return this.ui.monthCount(n);
      default: return this.ui.yearCount(n);
    }
  };
  Context.prototype.money = function (minor) {
    var n = Number(minor);
    if (!isFinite(n)) return String(minor);
    return this.moneyFmt.format(n / Math.pow(10, this.fractionDigits));
  };
  Context.prototype.productName = function (id) {
    var p = this.products[id];
    return p && p.name ? p.name : String(id);
  };
  Context.prototype.bundleName = function (id) {
    var b = this.bundles[id];
    return b && b.name ? b.name : String(id);
  };
  Context.prototype.subName = function (id) {
    var s = this.subs[id];
    if (s && s.number) return id + ' (' + s.number + ')';
    return String(id);
  };
  Context.prototype.state = function (s) { return (STATES[this.lang][s]) || String(s); };
  Context.prototype.typeLabel = function (t) { return (TYPES[this.lang][t]) || String(t); };
  Context.prototype.markerLabel = function (k) { return (MARKERS[this.lang][k]) || String(k); };
  Context.prototype.actionLabel = function (a) { return (ACTIONS[this.lang][a]) || String(a); };

  // ---- sentences: all of them come from the engine's narrator (SPEC §4.1) ---------------------
  // `narration` is the parsed answer of the module's narration(text, locale): `events` is
  // index-aligned with result.events, `expectations` with result.expectations, `answers` has one
  // entry per scenario action ({ action: index in `actions`, sentence }). Nothing here words a
  // sentence: a missing one shows as an empty string.
  Context.prototype.sentence = function (eventIndex) {
    var n = this.narration, s = n && n.events ? n.events[eventIndex] : null;
    return typeof s === 'string' ? s : '';
  };
  Context.prototype.expectationLine = function (index) {
    var n = this.narration, s = n && n.expectations ? n.expectations[index] : null;
    return typeof s === 'string' ? s : '';
  };
  Context.prototype.answer = function (actionIndex) {
    var n = this.narration, list = (n && n.answers) || [];
    for (var i = 0; i < list.length; i++) if (list[i] && list[i].action === actionIndex) return String(list[i].sentence || '');
    return '';
  };

  // The module's narration of `text` in `lang` (parsed), or null when the module has none or the
  // scenario is invalid. The last few answers are kept: a render asks for the same text several
  // times (timeline, lists, what-if panel), and the language switch asks again.
  var cache = [];
  function narrate(engine, text, lang) {
    if (!engine || typeof engine.narration !== 'function') return null;
    lang = lang === 'fr' ? 'fr' : 'en';
    for (var i = 0; i < cache.length; i++) {
      if (cache[i].engine === engine && cache[i].lang === lang && cache[i].text === text) return cache[i].value;
    }
    var value = null;
    try { value = JSON.parse(engine.narration(text, lang)); } catch (e) { value = null; }
    if (value && value.errors) value = null;
    cache.unshift({ engine: engine, lang: lang, text: text, value: value });
    if (cache.length > 6) cache.pop();
    return value;
  }

  // The names the engine knows (rules, event types, states, actions, reasons), from the module's
  // catalogue(); read once per module.
  var catalogues = [];
  function catalogue(engine) {
    for (var i = 0; i < catalogues.length; i++) if (catalogues[i].engine === engine) return catalogues[i].value;
    var value = null;
    try { value = engine && typeof engine.catalogue === 'function' ? JSON.parse(engine.catalogue()) : null; } catch (e) { value = null; }
    catalogues.push({ engine: engine, value: value });
    return value;
  }

  // The Context of one render: labels in `lang`, the narrator's sentences for `text` in that
  // language, and the names the engine knows.
  function contextFor(engine, lang, text, scenario, result) {
    var ctx = new Context(lang, scenario, result, narrate(engine, text, lang));
    ctx.catalogue = catalogue(engine);
    return ctx;
  }

  global.SubSimText = {
    UI: UI,
    languages: ['en', 'fr'],
    Context: Context,
    contextFor: contextFor,
    narrate: narrate,
    catalogue: catalogue,
    // Labels exist for these names; the page lists the names the module's catalogue() gives.
    labels: { states: STATES, types: TYPES, actions: ACTIONS, markers: MARKERS },
    markerKinds: ['invoice', 'reminder', 'email', 'refusal', 'notice', 'notice_missed', 'request', 'milestone'],
  };
})(typeof window !== 'undefined' ? window : globalThis);
