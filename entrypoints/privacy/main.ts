// Shows the policy in the language the link asked for (`?lang=zh_CN`), English otherwise. The
// two versions are plain static text in index.html: nothing here depends on the i18n setup.
const wanted = new URLSearchParams(location.search).get('lang') === 'zh_CN' ? 'zh_CN' : 'en';
for (const article of document.querySelectorAll<HTMLElement>('article[data-lang]')) {
  article.hidden = article.dataset.lang !== wanted;
}
document.documentElement.lang = wanted === 'zh_CN' ? 'zh-CN' : 'en';
document.title = wanted === 'zh_CN' ? 'Tradeline 隐私政策' : 'Tradeline privacy policy';
