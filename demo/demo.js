// Demo-page helpers: show snippets with this server's own origin, and copy them on request.
for (const code of document.querySelectorAll('code[data-snippet]')) {
  code.textContent = code.textContent.replaceAll('https://HOST', location.origin);
}
for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.getAttribute('aria-controls'));
    const status = button.nextElementSibling;
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = 'Skopiowano.';
    } catch {
      status.textContent = 'Nie udało się skopiować; zaznacz kod i skopiuj go ręcznie.';
    }
  });
}

// The index's live widgets speak the language picked here (or in `?lang=`): each follows the
// `lang` of its live area, as a widget on any page follows the nearest `lang`.
const switcher = document.querySelector('.lang-switch');
if (switcher) {
  const apply = (lang) => {
    for (const live of document.querySelectorAll('.live')) live.lang = lang;
    for (const radio of switcher.querySelectorAll('input')) radio.checked = radio.value === lang;
  };
  const asked = new URLSearchParams(location.search).get('lang');
  if (['pl', 'en', 'uk'].includes(asked)) apply(asked);
  switcher.addEventListener('change', (e) => {
    const lang = e.target.value;
    apply(lang);
    const url = new URL(location.href);
    if (lang === 'pl') url.searchParams.delete('lang');
    else url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
  });
}
