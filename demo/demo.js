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
