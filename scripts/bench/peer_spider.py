"""The peer of `baogao-bench crawl`: the stack users would pick instead.

Scrapy crawls the same loopback site from `/`, following links that contain
`/baogao/` up to depth 3 (as baogao's config does), trafilatura extracts the
main text of every HTML page, and pyarrow writes two zstd Parquet files
(`pages`: url, status, html; `documents`: url, title, text) in row groups of
500 rows. Kept honest: concurrency as high as baogao's, no delays,
AUTOTHROTTLE off, robots.txt obeyed as baogao does.

    python peer_spider.py --base http://127.0.0.1:PORT --out DIR [--concurrency 16]

Prints one JSON object: items, pages, documents, seconds.
"""

import argparse
import json
import os
import time

import pyarrow as pa
import pyarrow.parquet as pq
import scrapy
import trafilatura
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor

BATCH = 500


class ParquetPipeline:
    """Buffers items and writes them to Parquet in row groups of BATCH rows."""

    @classmethod
    def from_crawler(cls, crawler):
        p = cls()
        p.crawler = crawler
        return p

    def open_spider(self):
        out = self.crawler.settings.get("BENCH_OUT")
        os.makedirs(out, exist_ok=True)
        self.pages_schema = pa.schema(
            [("url", pa.string()), ("status", pa.int32()), ("html", pa.string())]
        )
        self.docs_schema = pa.schema(
            [("url", pa.string()), ("title", pa.string()), ("text", pa.string())]
        )
        self.pages = pq.ParquetWriter(
            os.path.join(out, "pages.parquet"), self.pages_schema, compression="zstd"
        )
        self.docs = pq.ParquetWriter(
            os.path.join(out, "documents.parquet"), self.docs_schema, compression="zstd"
        )
        self.page_rows, self.doc_rows = [], []
        self.n_pages = self.n_docs = 0

    def flush(self):
        if self.page_rows:
            self.pages.write_table(pa.Table.from_pylist(self.page_rows, self.pages_schema))
            self.n_pages += len(self.page_rows)
            self.page_rows = []
        if self.doc_rows:
            self.docs.write_table(pa.Table.from_pylist(self.doc_rows, self.docs_schema))
            self.n_docs += len(self.doc_rows)
            self.doc_rows = []

    def process_item(self, item):
        self.page_rows.append({"url": item["url"], "status": item["status"], "html": item["html"]})
        if item["text"]:
            self.doc_rows.append({"url": item["url"], "title": item["title"], "text": item["text"]})
        if len(self.page_rows) >= BATCH:
            self.flush()
        return item

    def close_spider(self):
        self.flush()
        self.pages.close()
        self.docs.close()
        self.crawler.stats.set_value("bench/pages_rows", self.n_pages)
        self.crawler.stats.set_value("bench/documents_rows", self.n_docs)


class ReportSpider(scrapy.Spider):
    name = "reports"
    links = LinkExtractor(allow=r"/baogao/")

    def __init__(self, base, **kw):
        super().__init__(**kw)
        self.start_urls = [base + "/"]
        self.allowed_domains = ["127.0.0.1"]

    def parse(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            return
        html = response.text
        text = trafilatura.extract(html, url=response.url)
        yield {
            "url": response.url,
            "status": response.status,
            "html": html,
            "title": response.css("title::text").get(),
            "text": text,
        }
        for link in self.links.extract_links(response):
            yield response.follow(link, callback=self.parse)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--robots", default="true")
    a = ap.parse_args()
    assert a.base.startswith("http://127.0.0.1:"), "loopback only"
    settings = {
        "BENCH_OUT": a.out,
        "ITEM_PIPELINES": {ParquetPipeline: 300},
        "CONCURRENT_REQUESTS": a.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": a.concurrency,
        "DOWNLOAD_DELAY": 0,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": a.robots == "true",
        "DEPTH_LIMIT": 3,
        "RETRY_TIMES": 1,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "USER_AGENT": "baogao-bench-peer",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    t = time.perf_counter()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ReportSpider)
    process.crawl(crawler, base=a.base)
    process.start()
    stats = crawler.stats.get_stats()
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - t,
                "responses": stats.get("response_received_count", 0),
                "items": stats.get("item_scraped_count", 0),
                "pages_rows": stats.get("bench/pages_rows", 0),
                "documents_rows": stats.get("bench/documents_rows", 0),
                "status_200": stats.get("downloader/response_status_count/200", 0),
                "status_404": stats.get("downloader/response_status_count/404", 0),
            }
        )
    )


if __name__ == "__main__":
    main()
