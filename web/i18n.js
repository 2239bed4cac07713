/* subsim page: interface strings and the explaining sentence of every engine event, in English
 * and French. Classic script (the page must work from file://, where ES modules do not load):
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
      cmpAccess: function (s) { return 'Access to ' + s; }, accessUntil: function (d) { return 'until ' + d; }, stillRunning: 'still running',
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
      cmpAccess: function (s) { return 'Accès à ' + s; }, accessUntil: function (d) { return 'jusqu’au ' + d; }, stillRunning: 'toujours en cours',
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
    en: { trialing: 'trial', active: 'active', pending_cancellation: 'pending cancellation',
          cancelled: 'cancelled', expired: 'expired', not_started: 'not started' },
    fr: { trialing: 'essai', active: 'actif', pending_cancellation: 'résiliation en attente',
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
    },
    fr: {
      subscription_started: 'Début', trial_started: 'Début d’essai', trial_ending: 'Rappel d’essai',
      trial_converted: 'Essai converti', trial_expired: 'Essai expiré', invoice: 'Facture',
      renewed: 'Renouvellement', renewal_reminder: 'Rappel de renouvellement', cancellation_requested: 'Demande de résiliation',
      cancellation_scheduled: 'Résiliation programmée', cancellation_effective: 'Résiliation effective',
      reactivated: 'Réactivation', action_refused: 'Refus', email: 'E-mail', expired: 'Expiration',
      grace_ended: 'Fin du délai de grâce', price_changed: 'Changement de prix', account_closed: 'Compte fermé',
      data_deleted: 'Données supprimées', transfer_requested: 'Demande de transfert', transfer_completed: 'Transfert effectué',
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
          close_account: 'close the account', add_payment_method: 'add a payment method' },
    fr: { cancel: 'résilier', reactivate: 'réactiver', renew: 'renouveler', transfer: 'transférer',
          close_account: 'fermer le compte', add_payment_method: 'ajouter un moyen de paiement' },
  };

  // Why an action was refused (details.reason), as the customer would be told.
  var REASONS = {
    en: {
      not_permitted: function (c) { return c.role ? 'the role “' + c.role + '” is not allowed to do this' : 'this user is not allowed to do this'; },
      already_cancelled: function () { return 'it is already cancelled or pending cancellation: there is nothing left to cancel'; },
      not_active: function () { return 'it is not active (expired, or not started yet)'; },
      contact_support: function () { return 'this cannot be done self-service: the customer must contact customer service'; },
      not_pending: function () { return 'no cancellation is pending, so there is nothing to withdraw'; },
      renew_through_reseller: function () { return 'it was bought from a reseller and renews through that reseller'; },
      grace_ended: function () { return 'the renewal grace period is over: a new subscription must be bought'; },
      account_closing: function () { return 'it is part of an account closure, which only support can withdraw'; },
      account_closed: function () { return 'the account is closed'; },
      transferred: function () { return 'the subscription now belongs to another account'; },
      auto_renewing: function () { return 'it renews automatically, there is nothing to renew by hand'; },
      already_renewed: function () { return 'the next term is already paid'; },
      transfer_pending: function () { return 'a transfer is already under way'; },
      not_trialing: function () { return 'it is not in a trial'; },
    },
    fr: {
      not_permitted: function (c) { return c.role ? 'le rôle « ' + c.role + ' » n’en a pas le droit' : 'cet utilisateur n’en a pas le droit'; },
      already_cancelled: function () { return 'il est déjà résilié ou en attente de résiliation : il n’y a plus rien à résilier'; },
      not_active: function () { return 'il n’est pas actif (expiré, ou pas encore commencé)'; },
      contact_support: function () { return 'ce n’est pas possible en libre-service : le client doit contacter le service client'; },
      not_pending: function () { return 'aucune résiliation n’est en attente, il n’y a rien à annuler'; },
      renew_through_reseller: function () { return 'il a été acheté auprès d’un revendeur et se renouvelle par ce revendeur'; },
      grace_ended: function () { return 'le délai de grâce est écoulé : il faut acheter un nouvel abonnement'; },
      account_closing: function () { return 'il fait partie d’une fermeture de compte, que seul le support peut annuler'; },
      account_closed: function () { return 'le compte est fermé'; },
      transferred: function () { return 'l’abonnement appartient désormais à un autre compte'; },
      auto_renewing: function () { return 'il se renouvelle automatiquement, il n’y a rien à renouveler à la main'; },
      already_renewed: function () { return 'la période suivante est déjà payée'; },
      transfer_pending: function () { return 'un transfert est déjà en cours'; },
      not_trialing: function () { return 'il n’est pas en période d’essai'; },
    },
  };

  // Refusals explained more precisely by their rule (or their action) than by the reason alone.
  var REFUSAL_RULES = {
    en: {
      'trial.contact_support': 'a trial of this plan cannot be cancelled self-service: the customer must contact customer service (or let the trial expire)',
      'bundle.members_not_cancellable': 'the products of this suite cannot be cancelled one by one: the customer must contact customer service',
      'self_service.disabled': 'this plan cannot be cancelled self-service: the customer must contact customer service',
      'reactivation.disabled': 'this plan’s cancellation cannot be withdrawn self-service: the customer must contact customer service',
      'reactivation.too_late': 'the cancellation has already taken effect: it can no longer be withdrawn',
      'renewal.already_cancelled': 'it is cancelled or pending cancellation',
      'account.closing': 'the account is already being closed',
    },
    fr: {
      'trial.contact_support': 'l’essai de cette offre ne peut pas être résilié en libre-service : le client doit contacter le service client (ou laisser l’essai expirer)',
      'bundle.members_not_cancellable': 'les produits de cette suite ne peuvent pas être résiliés un par un : le client doit contacter le service client',
      'self_service.disabled': 'cette offre ne peut pas être résiliée en libre-service : le client doit contacter le service client',
      'reactivation.disabled': 'la résiliation de cette offre ne peut pas être annulée en libre-service : le client doit contacter le service client',
      'reactivation.too_late': 'la résiliation a déjà pris effet : elle ne peut plus être annulée',
      'renewal.already_cancelled': 'il est résilié ou en attente de résiliation',
      'account.closing': 'le compte est déjà en cours de fermeture',
    },
  };

  // Why a cancellation takes effect when it does, from the event's rule.
  var RULE_WHY = {
    en: {
      'cancellation.immediate': 'the plan cancels immediately',
      'cancellation.end_of_period': 'the plan cancels at the end of the current billing period',
      'cancellation.end_of_next_period': 'a product removal takes effect at the end of the following billing period',
      'cancellation.end_of_term': 'the plan cancels at the end of the commitment term',
      'cancellation.requires_cascade': 'it depends on a product that is being cancelled',
      'cancellation.account_cascade': 'the cancelled product takes the whole account with it',
      'account.close': 'the whole account is being closed: each subscription ends at the end of its term',
      'cancellation.term_cap': 'the paid term ends then and does not renew',
      'trial.cancel_at_trial_end': 'a cancelled trial ends at its end, without charge',
      'trial.cancel_immediate': 'a cancelled trial ends at once, without charge',
    },
    fr: {
      'cancellation.immediate': 'l’offre se résilie immédiatement',
      'cancellation.end_of_period': 'l’offre se résilie à la fin de la période de facturation en cours',
      'cancellation.end_of_next_period': 'le retrait d’un produit prend effet à la fin de la période de facturation suivante',
      'cancellation.end_of_term': 'l’offre se résilie à la fin de la période d’engagement',
      'cancellation.requires_cascade': 'il dépend d’un produit en cours de résiliation',
      'cancellation.account_cascade': 'le produit résilié entraîne la fermeture de tout le compte',
      'account.close': 'tout le compte est en cours de fermeture : chaque abonnement prend fin au terme de sa période',
      'cancellation.term_cap': 'la période payée se termine alors et ne se renouvelle pas',
      'trial.cancel_at_trial_end': 'un essai résilié prend fin à son terme, sans frais',
      'trial.cancel_immediate': 'un essai résilié prend fin aussitôt, sans frais',
    },
  };

  function cap(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }

  // Helpers bound to one language, one scenario and one result.
  function Context(lang, scenario, result) {
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
    this.invoiceIndex = {};
    ((result && result.invoices) || []).forEach(function (inv) {
      this.invoiceIndex[inv.date + '\u0000' + inv.subscription] = inv;
    }, this);
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
  // "RescueAssist" for a product event, "subscription s1" for a whole-subscription one.
  Context.prototype.subject = function (ev) {
    if (ev.product != null) return this.productName(ev.product);
    if (ev.subscription != null) return (this.lang === 'fr' ? 'l’abonnement ' : 'subscription ') + this.subName(ev.subscription);
    return this.lang === 'fr' ? 'le compte' : 'the account';
  };
  Context.prototype.state = function (s) { return (STATES[this.lang][s]) || String(s); };
  Context.prototype.typeLabel = function (t) { return (TYPES[this.lang][t]) || String(t); };
  Context.prototype.markerLabel = function (k) { return (MARKERS[this.lang][k]) || String(k); };
  Context.prototype.actionLabel = function (a) { return (ACTIONS[this.lang][a]) || String(a); };
  Context.prototype.user = function (id) {
    if (id == null) return null;
    var u = this.users[id];
    return u ? id + ' (' + u.role + ')' : String(id);
  };
  Context.prototype.ruleWhy = function (rule) { return RULE_WHY[this.lang][rule] || null; };

  // Why an action was refused, as the customer would be told (no leading "because").
  Context.prototype.refusalReason = function (ev) {
    var d = ev.details || {};
    var reasonFn = REASONS[this.lang][d.reason];
    var u = userOf(ev);
    var role = d.role || (u != null && this.users[u] ? this.users[u].role : null);
    return REFUSAL_RULES[this.lang][ev.rule] || (reasonFn ? reasonFn({ role: role }) : String(d.reason || ''));
  };

  function userOf(ev) {
    var d = ev.details || {};
    return d.by != null ? d.by : (d.user != null ? d.user : null);
  }

  // One sentence that says what happened and why. Uses only textual data (never HTML).
  Context.prototype.sentence = function (ev) {
    var fr = this.lang === 'fr';
    var d = ev.details || {};
    var subj = this.subject(ev);
    var Subj = cap(subj);
    var self = this;
    var date = function (k) { return self.date(d[k]); };
    var who = this.user(userOf(ev));
    var why = this.ruleWhy(ev.rule);
    switch (ev.type) {
      case 'subscription_started':
        if (d.anchor && d.anchor !== ev.date)
          return fr ? Subj + ' commence le ' + this.date(ev.date) + ' ; sa facturation est ancrée au ' + this.date(d.anchor) + ', fin de l’essai.'
                    : Subj + ' starts on ' + this.date(ev.date) + '; billing is anchored on ' + this.date(d.anchor) + ', when the trial ends.';
        return fr ? Subj + ' commence le ' + this.date(ev.date) + ' ; chaque échéance est calculée à partir de cette date.'
                  : Subj + ' starts on ' + this.date(ev.date) + '; every billing boundary is counted from this date.';
      case 'trial_started': {
        var end = d.trial_end || d.ends || d.until || d.end;
        if (end) return fr ? 'Période d’essai gratuite de ' + subj + ' jusqu’au ' + this.date(this.dayBefore(end)) + ' inclus ; elle se termine le ' + this.date(end) + '.'
                          : 'Free trial of ' + subj + ' until ' + this.date(this.dayBefore(end)) + ' included; it ends on ' + this.date(end) + '.';
        return fr ? 'Début de la période d’essai gratuite de ' + subj + '.' : 'Free trial of ' + subj + ' begins.';
      }
      case 'trial_ending': {
        var te = d.trial_end || d.ends || d.on;
        return fr ? 'Rappel envoyé : l’essai de ' + subj + (te ? ' se termine le ' + this.date(te) : ' se termine bientôt') + (d.before ? ' (rappel ' + this.duration(d.before) + ' avant)' : '') + '.'
                  : 'Reminder sent: the trial of ' + subj + (te ? ' ends on ' + this.date(te) : ' ends soon') + (d.before ? ' (reminder ' + this.duration(d.before) + ' before)' : '') + '.';
      }
      case 'trial_converted':
        return fr ? 'L’essai de ' + subj + ' se termine et devient payant, car un moyen de paiement est enregistré.'
                  : 'The trial of ' + subj + ' ends and becomes paid, because a payment method is on file.';
      case 'trial_expired':
        return fr ? 'L’essai de ' + subj + ' se termine sans conversion, car aucun moyen de paiement n’est enregistré : rien n’est facturé.'
                  : 'The trial of ' + subj + ' ends without converting, because no payment method is on file: nothing is charged.';
      case 'invoice': {
        var inv = this.invoiceIndex[ev.date + '\u0000' + ev.subscription];
        var amount = d.amount != null ? d.amount : (inv ? inv.amount : null);
        var per = '';
        if (inv && inv.lines && inv.lines.length) {
          var from = inv.lines[0].from, to = inv.lines[0].to;
          inv.lines.forEach(function (l) { if (l.from < from) from = l.from; if (l.to > to) to = l.to; });
          per = fr ? ', pour la période du ' + this.date(from) + ' au ' + this.date(this.dayBefore(to)) + ' inclus'
                   : ', for the period from ' + this.date(from) + ' to ' + this.date(this.dayBefore(to)) + ' included';
          if (inv.lines.length > 1) per += fr ? ' (' + inv.lines.length + ' lignes)' : ' (' + inv.lines.length + ' lines)';
        }
        var m = amount != null ? this.money(amount) : '';
        var base = fr ? 'Facture de ' + m + ' pour ' + subj + per + ', payée d’avance.'
                      : 'Invoice of ' + m + ' for ' + subj + per + ', billed in advance.';
        return base;
      }
      case 'renewed': {
        var next = d.term_to ? this.dayBefore(d.term_to) : null;
        var shifted = d.term_from && d.term_from !== ev.date;
        if (d.manual) return fr ? Subj + ' est renouvelé à la main' + (who ? ' par ' + who : '') + ' pour une nouvelle période' + (shifted ? ' du ' + this.date(d.term_from) : '') + (next ? ' au ' + this.date(next) + ' inclus' : '') + (shifted ? ' : elle suit la précédente sans décaler le calendrier de facturation' : '') + '.'
                                : Subj + ' is renewed by hand' + (who ? ' by ' + who : '') + ' for a new term' + (shifted ? ' from ' + this.date(d.term_from) : '') + (next ? ' until ' + this.date(next) + ' included' : '') + (shifted ? ': it follows the previous term, so the billing calendar keeps its anchor' : '') + '.';
        return fr ? Subj + ' se renouvelle automatiquement pour une nouvelle période' + (next ? ' jusqu’au ' + this.date(next) + ' inclus' : '') + ', car le renouvellement automatique est actif.'
                  : Subj + ' renews automatically for a new term' + (next ? ' until ' + this.date(next) + ' included' : '') + ', because auto-renewal is on.';
      }
      case 'renewal_reminder': {
        var on = d.renews_on || d.renewal || d.boundary || d.on || d.term_end;
        var exp = d.auto_renew === false;
        if (exp) return fr ? 'Rappel envoyé : ' + subj + ' expire le ' + this.date(on) + ' s’il n’est pas renouvelé à la main' + (d.before ? ' (rappel ' + this.duration(d.before) + ' avant)' : '') + '.'
                           : 'Reminder sent: ' + subj + ' expires on ' + this.date(on) + ' unless renewed by hand' + (d.before ? ' (reminder ' + this.duration(d.before) + ' before)' : '') + '.';
        return fr ? 'Rappel envoyé : ' + subj + ' se renouvelle' + (on ? ' le ' + this.date(on) : ' bientôt') + (d.before ? ' (rappel ' + this.duration(d.before) + ' avant)' : '') + '.'
                  : 'Reminder sent: ' + subj + ' renews' + (on ? ' on ' + this.date(on) : ' soon') + (d.before ? ' (reminder ' + this.duration(d.before) + ' before)' : '') + '.';
      }
      case 'cancellation_requested':
        if (ev.rule === 'account.close')
          return fr ? (who ? who + ' ferme le compte' : 'Fermeture du compte') + ' : ' + subj + ' est résilié à la fin de sa période.'
                    : (who ? who + ' closes the account' : 'The account is being closed') + ': ' + subj + ' is cancelled at the end of its term.';
        if (why && /cascade/.test(ev.rule))
          return fr ? Subj + ' est résilié aussi' + (who ? ', à la demande de ' + who : '') + ', car ' + why + '.'
                    : Subj + ' is cancelled too' + (who ? ', at the request of ' + who : '') + ', because ' + why + '.';
        return fr ? (who ? who + ' demande la résiliation de ' + subj : 'Demande de résiliation de ' + subj) + '.'
                  : (who ? who + ' asks to cancel ' + subj : 'Cancellation of ' + subj + ' requested') + '.';
      case 'cancellation_scheduled': {
        var eff = d.effective, until = d.access_until || (eff ? this.dayBefore(eff) : null);
        var s = fr ? 'La résiliation de ' + subj + ' prendra effet le ' + this.date(eff) + (until ? ' ; accès jusqu’au ' + this.date(until) + ' inclus' : '') + '.'
                   : 'The cancellation of ' + subj + ' takes effect on ' + this.date(eff) + (until ? '; access until ' + this.date(until) + ' included' : '') + '.';
        if (d.deadline_missed) {
          s += fr ? ' La demande est arrivée après la date limite de préavis du ' + this.date(d.notice_deadline) + ' : elle ne prend donc effet qu’une échéance plus tard, et la période intermédiaire est facturée.'
                  : ' The request came after the notice deadline of ' + this.date(d.notice_deadline) + ', so it takes effect one boundary later and the period in between is billed.';
        } else if (d.notice_deadline && d.notice_deadline === ev.date && d.notice_deadline !== eff && !/immediate|^trial\./.test(ev.rule)) {
          s += fr ? ' La demande arrive le jour même de la date limite de préavis (' + this.date(d.notice_deadline) + ') : juste à temps.'
                  : ' The request came on the notice deadline itself (' + this.date(d.notice_deadline) + '): just in time.';
        } else if (d.notice_deadline && d.notice_deadline !== eff && d.notice_deadline !== ev.date) {
          s += fr ? ' La demande respecte la date limite de préavis du ' + this.date(d.notice_deadline) + '.'
                  : ' The request met the notice deadline of ' + this.date(d.notice_deadline) + '.';
        }
        if (why && ev.rule !== 'notice.deadline_missed') s += fr ? ' Raison : ' + why + '.' : ' Why: ' + why + '.';
        return s;
      }
      case 'cancellation_effective':
        return fr ? 'La résiliation de ' + subj + ' prend effet : il est résilié et n’est plus facturé.'
                  : 'The cancellation of ' + subj + ' takes effect: it is cancelled and no longer billed.';
      case 'reactivated':
        var wd = d.withdrawn_effective ? this.date(d.withdrawn_effective) : null;
        var casc = ev.rule === 'reactivation.requires_cascade';
        return fr ? (who ? who + ' réactive ' : 'Réactivation de ') + subj + ' : la résiliation prévue' + (wd ? ' le ' + wd : '') + ' est annulée avant sa date d’effet' + (casc ? ' (il dépend d’un produit réactivé)' : '') + ' ; il reste actif, sans frais.'
                  : (who ? who + ' reactivates ' : 'Reactivation of ') + subj + ': the cancellation due' + (wd ? ' on ' + wd : '') + ' is withdrawn before it takes effect' + (casc ? ' (it depends on a reactivated product)' : '') + '; it stays active, at no charge.';
      case 'action_refused': {
        var action = d.action ? this.actionLabel(d.action) : (fr ? 'agir' : 'act');
        var reason = this.refusalReason(ev);
        var target = (ev.subscription == null || d.action === 'close_account' || d.action === 'add_payment_method') ? '' : ' ' + subj;
        return fr ? 'Refusé : ' + (who ? who + ' ne peut pas ' : 'impossible de ') + action + target + ', car ' + reason + '.'
                  : 'Refused: ' + (who ? who + ' cannot ' : 'cannot ') + action + target + ', because ' + reason + '.';
      }
      case 'email': {
        var kind = d.kind;
        if (kind === 'cancellation_confirmation') {
          var au = d.access_until || (d.effective ? this.dayBefore(d.effective) : null);
          var ex = d.effective || d.expires;
          return fr ? 'E-mail de confirmation envoyé pour ' + subj + (au ? ' : accès jusqu’au ' + this.date(au) + ' inclus' : '') + (ex ? ', fin le ' + this.date(ex) : '') + '.'
                    : 'Confirmation e-mail sent for ' + subj + (au ? ': access until ' + this.date(au) + ' included' : '') + (ex ? ', ends on ' + this.date(ex) : '') + '.';
        }
        return fr ? 'E-mail envoyé pour ' + subj + (kind ? ' (' + kind + ')' : '') + '.'
                  : 'E-mail sent for ' + subj + (kind ? ' (' + kind + ')' : '') + '.';
      }
      case 'expired': {
        var grace = d.renewable_until;
        return fr ? Subj + ' expire : la période se termine sans renouvellement automatique' + (grace ? ' ; un renouvellement reste possible jusqu’au ' + this.date(grace) + ' inclus' : ', sans délai de grâce') + '.'
                  : Subj + ' expires: the term ends without automatic renewal' + (grace ? '; it can still be renewed until ' + this.date(grace) + ' included' : ', with no grace period') + '.';
      }
      case 'grace_ended':
        return fr ? 'Le délai de grâce de ' + subj + ' est écoulé : il ne peut plus être renouvelé, il faut acheter un nouvel abonnement.'
                  : 'The renewal grace period of ' + subj + ' is over: it can no longer be renewed; a new subscription must be bought.';
      case 'price_changed': {
        var bundle = d.bundle ? this.bundleName(d.bundle) : null;
        var from = d.from != null ? this.money(d.from) : (d.old_amount != null ? this.money(d.old_amount) : null);
        var to = d.to != null ? this.money(d.to) : (d.new_amount != null ? this.money(d.new_amount) : (d.amount != null ? this.money(d.amount) : null));
        var pr = (from && to) ? (fr ? ' de ' + from + ' à ' + to : ' from ' + from + ' to ' + to) : (to ? (fr ? ' : ' + to : ': ' + to) : '');
        var removed = d.removed ? this.productName(d.removed) : null;
        return fr ? 'Le prix de ' + subj + ' change' + pr + (bundle ? ' : ' + (removed ? removed + ' est retiré, donc ' : '') + 'le prix de l’offre groupée ' + bundle + ' ne s’applique plus et les produits restants sont facturés au prix catalogue' : '') + '.'
                  : 'The price of ' + subj + ' changes' + pr + (bundle ? ': ' + (removed ? removed + ' was removed, so ' : '') + 'the ' + bundle + ' bundle price no longer applies and the remaining products are billed at list price' : '') + '.';
      }
      case 'account_closed':
        return fr ? 'Le compte est fermé : tous ses abonnements sont résiliés' + (d.data_deleted_on ? ' ; ses données seront supprimées le ' + this.date(d.data_deleted_on) + ', à la fin de la durée de conservation' : '') + '.'
                  : 'The account is closed: all its subscriptions are cancelled' + (d.data_deleted_on ? '; its data will be deleted on ' + this.date(d.data_deleted_on) + ', at the end of the retention period' : '') + '.';
      case 'data_deleted':
        return fr ? 'Les données du compte sont supprimées, à la fin de la durée de conservation.'
                  : 'The account’s data is deleted, at the end of the retention period.';
      case 'transfer_requested': {
        var to2 = d.to;
        var sep = d.separate_entity;
        var done = d.completes_on || d.completes;
        return fr ? (who ? who + ' demande' : 'Demande de') + ' le transfert de ' + subj + (to2 ? ' vers le compte ' + to2 : '') + (sep ? ' (entité juridique distincte : 10 jours ouvrés' + (done ? ', fin le ' + this.date(done) : '') + ')' : '') + '.'
                  : (who ? who + ' requests' : 'Request for') + ' the transfer of ' + subj + (to2 ? ' to account ' + to2 : '') + (sep ? ' (separate legal entity: 10 business days' + (done ? ', until ' + this.date(done) : '') + ')' : '') + '.';
      }
      case 'transfer_completed':
        return fr ? 'Le transfert de ' + subj + (d.to ? ' vers le compte ' + d.to : '') + ' est effectué : il n’appartient plus à ce compte.'
                  : 'The transfer of ' + subj + (d.to ? ' to account ' + d.to : '') + ' is completed: it no longer belongs to this account.';
      default:
        return cap(this.typeLabel(ev.type)) + ' — ' + subj + '.';
    }
  };

  // A sentence describing one entry of the scenario's `expect` list.
  Context.prototype.expectation = function (e) {
    var fr = this.lang === 'fr';
    if (!e || typeof e !== 'object') return '';
    if (e.total_charged != null) return fr ? 'Total facturé : ' + this.money(e.total_charged) : 'Total charged: ' + this.money(e.total_charged);
    if (e.state) return fr ? 'Le ' + this.date(e.on) + ', ' + this.subName(e.subscription) + ' est « ' + this.state(e.state) + ' »'
                           : 'On ' + this.date(e.on) + ', ' + this.subName(e.subscription) + ' is “' + this.state(e.state) + '”';
    if (e.event) {
      var what = '“' + this.typeLabel(e.event) + '” (' + e.event + ')';
      if (fr) what = '« ' + this.typeLabel(e.event) + ' » (' + e.event + ')';
      var where = [];
      if (e.subscription != null) where.push(this.subName(e.subscription));
      if (e.product != null) where.push(this.productName(e.product));
      var w = where.length ? ' — ' + where.join(', ') : '';
      var on = e.on ? (fr ? ' le ' + this.date(e.on) : ' on ' + this.date(e.on)) : '';
      if (e.absent) return (fr ? 'Aucun événement ' : 'No event ') + what + on + w;
      if (e.count != null) return (fr ? 'Événement ' + what + ' ' + e.count + ' fois' : 'Event ' + what + ' ' + (e.count === 1 ? 'once' : e.count + ' times')) + on + w;
      return (fr ? 'Événement ' : 'Event ') + what + on + w;
    }
    return JSON.stringify(e);
  };

  global.SubSimText = {
    UI: UI,
    languages: ['en', 'fr'],
    Context: Context,
    states: ['trialing', 'active', 'pending_cancellation', 'cancelled', 'expired'],
    markerKinds: ['invoice', 'reminder', 'email', 'refusal', 'notice', 'notice_missed', 'request', 'milestone'],
  };
})(typeof window !== 'undefined' ? window : globalThis);
