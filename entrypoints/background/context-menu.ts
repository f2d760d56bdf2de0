export function setupContextMenu(): void {
  void browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({ id: 'dubao-save', title: 'Save “%s” to Dubao', contexts: ['selection'] }),
    );
}
