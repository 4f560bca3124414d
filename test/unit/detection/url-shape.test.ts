// Addresses of real pages (the datasets' and our fixtures') classified by shape.
import { urlSignals } from '../../../src/detection/url-shape';

const reasonsOf = (url: string | undefined) => urlSignals(url).map((s) => s.reason);

describe('urlSignals', () => {
  it.each([
    ['https://www.nytimes.com/', 'url:home'],
    ['https://www.theguardian.com/uk', 'url:home'],
    ['https://www.example.com/index.html', 'url:home'],
    ['https://www.bbc.co.uk/search?q=climate+change', 'url:search-query'],
    ['https://crumbandcrust.blog/?s=focaccia', 'url:search-query'],
    ['https://www.spiegel.de/suche/?suchbegriff=klima', 'url:search'],
    ['https://www.aljazeera.com/tag/climate-crisis/', 'url:tag'],
    ['https://www.nytimes.com/section/politics', 'url:section'],
    ['https://wanderingteapot.com/category/travel/', 'url:section'],
    ['https://www.bbc.co.uk/news/av/uk-england-cornwall-68530001', 'url:video'],
    ['https://www.aljazeera.com/video/newsfeed/2024/3/12/gazas-children-queue', 'url:video'],
    [
      'https://www.theguardian.com/environment/gallery/2024/mar/08/the-week-in-wildlife',
      'url:gallery',
    ],
    ['https://www.theguardian.com/politics/live/2024/mar/13/pmqs-sunak-starmer', 'url:live'],
    ['https://myaccount.nytimes.com/auth/login?response_type=cookie', 'url:login'],
    ['https://gruppenkonto.spiegel.de/anmelden.html', 'url:login'],
    ['https://www.lemonde.fr/abonnement/offres/', 'url:subscribe'],
    ['https://www.nytimes.com/by/apoorva-mandavilli', 'url:author'],
    ['https://crumbandcrust.blog/2024/03/', 'url:date-archive'],
    ['https://www.theguardian.com/world', 'url:section-path'],
    ['https://www.bbc.co.uk/news/world-us-canada', 'url:section-path'],
    ['https://www.spiegel.de/politik/deutschland/', 'url:section-path'],
    [
      'https://www.nytimes.com/2019/11/19/opinion/republicans-elections-impeachment.html',
      'url:date-path',
    ],
    [
      'https://www.theguardian.com/world/2024/mar/13/haiti-ariel-henry-resignation',
      'url:date-path',
    ],
    ['https://www.bbc.co.uk/news/world-europe-68543210', 'url:article-id'],
    [
      'https://www.wsj.com/articles/google-stadia-microsoft-xcloud-apple-arcade-11574168580',
      'url:article-id',
    ],
    ['https://digg.com/2019/is-stadia-good-worth-it-reviews', 'url:article-slug'],
    ['http://fakehost/test/page.html', 'url:document-page'],
  ])('%s -> %s', (url, reason) => {
    expect(reasonsOf(url)).toEqual([reason]);
  });

  it('says nothing about a missing or unparsable address', () => {
    expect(reasonsOf(undefined)).toEqual([]);
    expect(reasonsOf('')).toEqual([]);
    expect(reasonsOf('not a url')).toEqual([]);
  });

  it('says nothing about a path that is neither article- nor section-shaped', () => {
    expect(reasonsOf('https://www.thespacereview.com/article/3834/1')).toEqual([]);
  });
});
