// Copy buttons: a button with data-copy="<input id>" copies that field's value and says so.
document.querySelectorAll('button[data-copy]').forEach((button) => {
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById('copy-status');
    if (!field) {
      return;
    }

    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) {
        status.textContent = `${field.labels?.[0]?.textContent ?? 'Value'} copied.`;
      }
    } catch {
      if (status) {
        status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected text.';
      }
    }
  });
});
