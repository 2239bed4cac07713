/* Saving a file the engine wrote: a Blob and a temporary <a download>, which works from file://
 * and from a server alike. */
export function download(bytesOrText, filename, type) {
  const blob = new Blob([bytesOrText], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// A file name from the scenario's title: lower case, letters, digits and dashes.
export function fileStem(text) {
  let title = '';
  try { title = String(JSON.parse(text).title || ''); } catch (e) { /* an invalid scenario keeps the default */ }
  const stem = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return stem || 'scenario';
}
