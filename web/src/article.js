/* The sample article: "was this helpful?" buttons (nothing is sent anywhere), and iframes of
 * embed.html sized to their content from the height each one posts ({ type: 'subsim-height' }). */
document.querySelectorAll('.feedback button').forEach((b) => {
  b.addEventListener('click', () => {
    document.querySelectorAll('.feedback button').forEach((o) => o.setAttribute('aria-pressed', String(o === b)));
    const t = document.querySelector('.feedback .thanks');
    if (t) t.hidden = false;
  });
});
window.addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.type !== 'subsim-height' || typeof d.height !== 'number') return;
  document.querySelectorAll('iframe.sim-frame').forEach((f) => {
    if (f.contentWindow === e.source) f.style.height = Math.max(120, Math.min(4000, Math.ceil(d.height))) + 'px';
  });
});
