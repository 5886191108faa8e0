/** Valid filters over all-backlinks used across the editor tests (every one compiles without errors). */
export const VALID_QUERIES: readonly string[] = [
  'domain_rating_source >= 50 and is_dofollow and not is_spam and (anchor contains "seo" or url_from starts with "https://blog.")',
  'DR >= 50 and link_type = text',
  'link_type in (text, image) and http_code between 200 and 299',
  'anchor icontains phrase "link building" or title ends with "guide"',
  'alt is not null and alt is not empty',
  'url_from matches /^https?:\\/\\/blog\\./ and not (is_nofollow or is_ugc)',
  'uppercase(anchor) = "SEO" and first_seen >= 2024-01-01',
  'any(languages) = "en" and last_seen < 2024-06-01T10:00:00Z',
  'all(languages) (= "en" or = "de")',
  'http_code not in (404, 410) and anchor not contains "casino"',
  'drop_reason is null # still live\nand DR between 20 and 80',
  'traffic > 1000 and url_to not starts with "https://www.example.com/tag/"',
];
