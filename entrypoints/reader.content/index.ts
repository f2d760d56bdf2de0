export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  main() {
    document.documentElement.dataset.dubao = 'reader';
  },
});
