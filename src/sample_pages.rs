//! Web pages in the shapes news sites give them — navigation, cookie banner, byline markup,
//! figures, share bars, related-article lists, comment threads, JSON-LD — generated from a
//! report we wrote, for the importer's tests and benchmarks. What a reader of the page would
//! call the article is known exactly: [`Report::expected_text`].

/// A report to put on a page.
pub struct Report {
    pub site: &'static str,
    pub headline: &'static str,
    pub byline: &'static str,
    pub published: &'static str,
    /// The date as the byline shows it.
    pub shown_date: &'static str,
    pub url: &'static str,
    pub caption: &'static str,
    /// The body, in order; a paragraph starting with "> " is a block quote, one starting with
    /// "* " a list item.
    pub body: &'static [&'static str],
}

/// A report in the style of the specialist outlets: a local source, a quotation that runs on,
/// a second source, an official denial.
pub const TUMEN_LEDGER: Report = Report {
    site: "Tumen Ledger",
    headline: "Border guards in Onsong told to stop night-time river crossings",
    byline: "Park Eun-ha",
    published: "2026-12-01T09:30:00+09:00",
    shown_date: "December 1, 2026",
    url: "https://tumenledger.example/news/onsong-river-crossings",
    caption: "The Tumen River near Onsong, seen from the Chinese bank in November. (Tumen Ledger)",
    body: &[
        "Border guards in Onsong County have been ordered to stop all river crossings after dark, \
         a source in North Hamgyong Province told Tumen Ledger on Monday.",
        "“The order came down at a meeting on Saturday. Anyone caught near the water after eight \
         in the evening will be treated as a defector,” the source said, asking not to be named.",
        "According to the source, smugglers who used to pay the guards a fixed fee per load now \
         have to wait for daylight, when the crossings are watched from both banks.",
        "> “The guards are angry too. The fees were how they fed their families.”",
        "A trader in Tumen City who deals with North Korean partners confirmed that shipments had \
         slowed. He listed what has stopped coming across:",
        "* dried squid and other seafood",
        "* copper wire",
        "* medicinal herbs",
        "China’s foreign ministry said on Tuesday that it was “not aware” of any change on the \
         border.",
    ],
};

impl Report {
    /// The text a reader would call the article, in the shape claimlens stores it: headline,
    /// byline as shown (with its date), caption and body, one paragraph each.
    pub fn expected_text(&self) -> String {
        let mut blocks = vec![
            self.headline.to_string(),
            format!("By {} {}", self.byline, self.shown_date),
            self.caption.to_string(),
        ];
        for p in self.body {
            let p = p.strip_prefix("> ").unwrap_or(p);
            blocks.push(match p.strip_prefix("* ") {
                Some(item) => format!("• {item}"),
                None => p.to_string(),
            });
        }
        blocks.join("\n\n") + "\n"
    }

    /// The page with its body repeated until the page is about `bytes` long: a book-length
    /// report for benchmarks.
    pub fn long_news_page(&self, bytes: usize) -> String {
        let page = self.news_page();
        let (start, end) = (
            "<div class=\"entry-content\">\n",
            "  </div>\n  <div class=\"tags\">",
        );
        let (Some(i), Some(j)) = (page.find(start), page.find(end)) else {
            return page;
        };
        let i = i + start.len();
        let body = &page[i..j];
        let mut long = String::with_capacity(bytes + page.len());
        long.push_str(&page[..i]);
        while long.len() < bytes {
            long.push_str(body);
        }
        long.push_str(&page[j..]);
        long
    }

    /// The report as a full news-site page, saved by a browser: everything around the article
    /// that an importer must leave out.
    pub fn news_page(&self) -> String {
        let mut body = String::new();
        let mut list_open = false;
        for p in self.body {
            if let Some(item) = p.strip_prefix("* ") {
                if !list_open {
                    body.push_str("<ul class=\"article-list\">\n");
                    list_open = true;
                }
                body.push_str(&format!("  <li>{}</li>\n", escape(item)));
                continue;
            }
            if list_open {
                body.push_str("</ul>\n");
                list_open = false;
            }
            match p.strip_prefix("> ") {
                Some(quote) => body.push_str(&format!(
                    "<blockquote class=\"pull-quote\"><p>{}</p></blockquote>\n",
                    escape(quote)
                )),
                None => body.push_str(&format!("<p>{}</p>\n", inline_markup(p))),
            }
        }
        if list_open {
            body.push_str("</ul>\n");
        }
        let site = self.site;
        format!(
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{headline} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{headline}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">
{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"{site}"}},
{{"@type":"NewsArticle","headline":"{headline}","datePublished":"{published}",
"author":[{{"@type":"Person","name":"{byline}"}}],
"publisher":{{"@type":"NewsMediaOrganization","name":"{site}"}}}}]}}
</script>
<script>window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push(e); }}</script>
<style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>
</head>
<body class="article-page">
<div class="cookie-banner" id="cookie-consent">
  <p>We use cookies to improve your experience on our site. By continuing you agree to our
  <a href="/privacy">privacy policy</a>.</p>
  <button>Accept all</button> <button>Manage settings</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{site}</a>
  <nav class="main-nav"><ul>
    <li><a href="/news">News</a></li><li><a href="/economy">Economy</a></li>
    <li><a href="/border">Border</a></li><li><a href="/analysis">Analysis</a></li>
    <li><a href="/donate">Support our reporting</a></li>
  </ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"></form>
</header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/border">Border</a></div>
<main>
<article class="post">
  <h1 class="entry-title">{headline}</h1>
  <div class="byline">By <a rel="author" href="/author/park">{byline}</a>
    <time datetime="{published}">{shown_date}</time></div>
  <ul class="share-bar">
    <li><a href="https://x.example/share">Share on X</a></li>
    <li><a href="https://facebook.example/share">Share on Facebook</a></li>
    <li><a href="mailto:?subject=story">Email this story</a></li>
  </ul>
  <figure class="wp-caption"><img src="/img/onsong-river.jpg" alt="River">
    <figcaption>{caption}</figcaption></figure>
  <div class="entry-content">
{body}  </div>
  <div class="tags">Tags: <a href="/tag/border">border</a>, <a href="/tag/smuggling">smuggling</a></div>
</article>
<aside class="related">
  <h3>Related articles</h3>
  <ul>
    <li><a href="/news/1">Rice prices in Hyesan climb for a third month</a></li>
    <li><a href="/news/2">Workers in Vladivostok say wages are months late</a></li>
    <li><a href="/news/3">Customs officers in Sinuiju replaced after inspection</a></li>
  </ul>
</aside>
<section class="comments" id="comments">
  <h3>2 comments</h3>
  <div class="comment"><p class="comment-author">reader1984</p>
    <p>This matches what my relatives in Yanji say. The border has been quiet for weeks.</p></div>
  <div class="comment"><p class="comment-author">seoulwatcher</p>
    <p>Hard to believe anything from anonymous sources, but thanks for reporting.</p></div>
  <form class="comment-form"><textarea></textarea><button>Post comment</button></form>
</section>
</main>
<footer class="site-footer">
  <p>© 2026 {site}. All rights reserved.</p>
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul>
</footer>
<script src="/static/app.js"></script>
</body>
</html>
"#,
            headline = escape(self.headline),
            byline = escape(self.byline),
            published = self.published,
            shown_date = self.shown_date,
            url = self.url,
            caption = escape(self.caption),
        )
    }
}

impl Report {
    /// The page as a browser's "Save as single file" writes it (MHTML, as Chromium does): the
    /// page quoted-printable in a `multipart/related` message, with a style sheet beside it.
    pub fn mhtml_page(&self) -> String {
        let boundary = "----MultipartBoundary--kT7v2QYb8sOaU1nHqP4wXxZ3e9LmFcRjDg6----";
        format!(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: {subject}\r\n\
             Date: Tue, 1 Dec 2026 10:02:11 +0900\r\nMIME-Version: 1.0\r\nContent-Type: \
             multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n\r\n\
             --{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-3F1A@mhtml.blink>\r\n\
             Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n\
             {html}\r\n--{boundary}\r\nContent-Type: text/css\r\n\
             Content-Transfer-Encoding: quoted-printable\r\nContent-Location: \
             https://tumenledger.example/static/site.css\r\n\r\n\
             .cookie-banner {{ position: fixed; }}\r\n--{boundary}--\r\n",
            url = self.url,
            subject = self.headline,
            html = quoted_printable(&self.news_page()),
        )
    }
}

/// RFC 2045 quoted-printable, with soft line breaks before 76 columns.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    for line in text.split('\n') {
        for byte in line.bytes() {
            let piece = if (33..=126).contains(&byte) && byte != b'=' || byte == b' ' {
                (byte as char).to_string()
            } else {
                format!("={byte:02X}")
            };
            if column + piece.len() > 75 {
                out.push_str("=\r\n");
                column = 0;
            }
            out.push_str(&piece);
            column += piece.len();
        }
        out.push_str("\r\n");
        column = 0;
    }
    out
}

/// A sentence's text as a page marks it up: the outlet's name linked, quotations emphasised.
fn inline_markup(p: &str) -> String {
    escape(p).replacen(
        "Tumen Ledger",
        "<a href=\"/\"><strong>Tumen Ledger</strong></a>",
        1,
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
