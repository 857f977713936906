// Puppeteer's postinstall would download Chrome, which fails on machines without internet access
// and would make `npm install` fail. briefdeck prefers a system Chromium (see src/export/find-browser.ts),
// so the download is skipped here; `npm run setup` fetches a browser only when none is found
// (it sets BRIEFDECK_PUPPETEER_DOWNLOAD=1 for that one attempt, then falls back to apt-get).
module.exports = {
  skipDownload: process.env.BRIEFDECK_PUPPETEER_DOWNLOAD !== '1',
};
