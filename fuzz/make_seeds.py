#!/usr/bin/env python3
"""Write the fuzz seed corpus (fuzz/seeds/<target>/): small inputs written for spamscan,
one or a few per feature each target's reader or stage has. Deterministic; re-run after
changing it and commit the result."""
import gzip, io, os, tarfile, zipfile, json

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds")

def put(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def gz(data, mtime=0):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=mtime) as g:
        g.write(data)
    return buf.getvalue()

ARTICLE = ("The council voted on Tuesday to build protected cycle lanes along the river road. "
           "Construction starts in June and should take a year.\n")
SPAM_ZH = "爱上海龙凤419论坛"
PAGE = (
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Cycle lanes approved</title>"
    "<meta name=keywords content=\"上海龙凤,cycle\"><style>.x{display:none}</style></head>"
    "<body><h2>" + SPAM_ZH + " News</h2><p>" + ARTICLE + " Tom &amp; Jerry &#x7231;&#19978;</p>"
    "<div class=x><a href=http://casino.example/>online casino bonus</a></div>"
    "<p style=\"font-size:0\">cheap viagra online</p><ul><li lang=zh>北京</li></ul>"
    "<pre>quoted 百家乐 spam</pre><!-- comment --><script>var a='<p>';</script></body></html>"
)
TEXT = "Cycle lanes\n\n" + SPAM_ZH + " " + ARTICLE + "\nBuy cheap viagra online, online casino bonus.\n"

# decode: first byte = flags (bit 0: html; the rest picks a container charset)
put("decode", "utf8-html", b"\x01" + PAGE.encode())
put("decode", "gbk-meta", b"\x01" + "<meta charset=gbk><p>上海的科技创新中心正在快速发展，".encode("gbk") * 3)
put("decode", "sjis-undeclared", b"\x00" + "スーパーコピー 財布、激安通販。".encode("shift_jis") * 4)
put("decode", "utf16le-bom", b"\x00" + b"\xff\xfe" + TEXT.encode("utf-16-le"))
put("decode", "utf16be-nobom", b"\x00" + ARTICLE.encode("utf-16-be"))
put("decode", "iso2022jp", b"\x00" + "市立図書館のお知らせ ABC".encode("iso2022_jp"))
put("decode", "cp1251", b"\x01" + "<meta charset=windows-1251>Онлайн казино, займ онлайн!".encode("cp1251"))
put("decode", "broken-utf8", b"\x00" + "zażółć gęślą".encode() + b"\xc5 \xff\xfe dalej \xe4\xb8")
put("decode", "declared-wrong", b"\x01" + b"<meta charset=shift_jis>" + "上海的科技创新中心".encode("gbk"))
put("decode", "gbk-container", b"\x04" + "爱上海龙凤419论坛 news".encode("gbk"))

# extract_html
put("extract_html", "page", PAGE)
put("extract_html", "unterminated", "<html><title>Never ends <p>text <!-- and <script>x<y")
put("extract_html", "entities", "<p>&#x7231;&#19978;&#28023; &amp;&lt;&gt;&nbsp;&unknown; &#0; &#x110000;</p>")
put("extract_html", "hidden", "<style>#h{visibility:hidden} .o{position:absolute;left:-9999px}</style>"
    "<div id=h><a href=//x.example>a</a><a href=/y>b</a></div><span class=o>off</span>"
    "<p hidden>h</p><p style='opacity:0;color:#fff;background:#fff'>w</p>")
put("extract_html", "nested", "<div>" * 50 + "deep" + "</div>" * 50 + "<table><tr><td>a<td>b</table>")
put("extract_html", "meta", "<html lang=de><head><meta property=og:locale content=zh_CN>"
    "<meta http-equiv=content-language content=ru><link rel=canonical href=https://a.example/p>"
    "<meta name=description content='Казино онлайн'></head><body><p>Hallo Welt</p></body></html>")

# normalize
put("normalize", "fullwidth", "ＶＩＡＧＲＡ　①②③ ➊➋ 𝐜𝐚𝐬𝐢𝐧𝐨 ﬁnance Ⅻ ㎏")
put("normalize", "zero-width", "via\u200bgra ca\u00adsino on\u2060line \ufeffx")
put("normalize", "confusables", "vіagra саsino ΑΒΓ рharmacy İstanbul ß ǅ")
put("normalize", "mixed", SPAM_ZH + " " + ARTICLE + " ﷺ ﷻ ﷺ")

# scan: first byte = flags (bit 0: html; the rest picks a container charset)
put("scan", "text", b"\x00" + TEXT.encode())
put("scan", "html", b"\x01" + PAGE.encode())
put("scan", "gbk-html", b"\x05" + "<title>新闻</title><p>爱上海龙凤419论坛 上海的科技创新中心</p>".encode("gbk"))
put("scan", "utf16", b"\x00" + b"\xff\xfe" + TEXT.encode("utf-16-le"))
put("scan", "ru", b"\x00" + "Новости города\n\nОнлайн казино вулкан, займ без отказа. Мэрия утвердила план.\n".encode())
put("scan", "ja-meta", b"\x01" + "<title>スーパーコピー 財布 激安</title><p>The museum opens a new wing.</p>".encode())

# packs
put("packs", "minimal", '''[pack]
id = "en.widgets"
category = "counterfeit"
lang = "en"
weight = 0.6
source = "replica-widget link farms"

[[term]]
text = "replica widgets"
weight = 0.9
note = "only spam sells replicas"

[[pattern]]
regex = 'widgets? (?:cheap|discount) [0-9]+%'

[[exclude]]
text = "replica widgets museum"
''')
put("packs", "broken", '[pack]\nid = "x"\ncategory = "nope"\nweight = 2\n[[term]]\ntext = ""\n')
put("packs", "regex", '[pack]\nid = "zh.t"\ncategory = "adult"\nlang = "zh"\nweight = 0.5\nsource = "s"\n'
    "[[pattern]]\nregex = '上海(?:龙凤|同城)[0-9]{3}'\nweight = 0.8\n")

# warc / arc
def warc_record(rtype, uri, block, extra=""):
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:0000>\r\n{extra}Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"

http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + PAGE.encode())
chunked = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           b"10\r\n" + b"0123456789abcdef" + b"\r\n0\r\n\r\n")
gzbody = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gz(PAGE.encode())
png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"
warc = (warc_record("warcinfo", "", b"software: seeds\r\n")
        + warc_record("response", "http://a.example/", http, "Content-Type: application/http; msgtype=response\r\n")
        + warc_record("response", "http://a.example/c", chunked)
        + warc_record("response", "http://a.example/z", gzbody)
        + warc_record("response", "http://a.example/logo.png", png)
        + warc_record("conversion", "http://a.example/t", TEXT.encode())
        + warc_record("metadata", "http://a.example/", b'{"x":1}'))
put("warc", "plain.warc", warc)
put("warc", "per-record.warc.gz", b"".join(gz(warc_record("response", f"http://a.example/{i}", http)) for i in range(2)))
put("warc", "bad-length.warc", warc_record("response", "http://a.example/", http).replace(b"Content-Length: ", b"Content-Length: 9") )
arc_body = b"HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + PAGE.encode()
arc = (b"filedesc://seed.arc 0.0.0.0 20240101000000 text/plain 76\n1 0 seeds\nURL IP-address Archive-date Content-type Archive-length\n\n"
       + f"http://a.example/ 1.2.3.4 20240101000000 text/html {len(arc_body)}\n".encode() + arc_body + b"\n")
put("warc", "seed.arc", arc)

# tar
def tar_bytes(members, fmt=tarfile.GNU_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            t.addfile(info, io.BytesIO(data))
        d = tarfile.TarInfo("dir/")
        d.type = tarfile.DIRTYPE
        t.addfile(d)
        l = tarfile.TarInfo("link")
        l.type = tarfile.SYMTYPE
        l.linkname = "a.html"
        t.addfile(l)
    return buf.getvalue()

jl = (json.dumps({"url": "http://a.example/1", "text": TEXT}) + "\n").encode()
put("tar", "two.tar", tar_bytes([("a.html", PAGE.encode()), ("b.txt", TEXT.encode())]))
put("tar", "pax.tar", tar_bytes([("long/" + "x" * 120 + ".txt", TEXT.encode())], tarfile.PAX_FORMAT))
put("tar", "nested.tar", tar_bytes([("in.jsonl.gz", gz(jl)), ("w.warc", warc_record("resource", "http://a/", TEXT.encode()))]))

# zip
def zip_bytes(members, method):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=method)
    return buf.getvalue()

put("zip", "stored.zip", zip_bytes([("a.html", PAGE.encode()), ("b/", b"")], zipfile.ZIP_STORED))
put("zip", "deflated.zip", zip_bytes([("t.txt", TEXT.encode()), ("d.jsonl", jl)], zipfile.ZIP_DEFLATED))
put("zip", "nested.zip", zip_bytes([("inner.zip", zip_bytes([("x.txt", TEXT.encode())], zipfile.ZIP_DEFLATED))], zipfile.ZIP_STORED))

# gzip
put("gzip", "text.gz", gz(TEXT.encode()))
put("gzip", "members.gz", gz(TEXT.encode()) + gz(PAGE.encode()))
put("gzip", "jsonl.gz", gz(jl * 3))
put("gzip", "tar.gz", gz(tar_bytes([("a.html", PAGE.encode())])))
put("gzip", "zeros.gz", gz(bytes(200000)))

# jsonl
put("jsonl", "records", jl + json.dumps({"id": 7, "text": PAGE}).encode() + b"\n"
    + b"not json\n" + b'{"url":"u"}\n' + b'{"text":3}\n' + b"[1,2]\n\n" + json.dumps({"text": "\\u7231 " + SPAM_ZH}).encode())
put("jsonl", "crlf", jl.replace(b"\n", b"\r\n") * 2)
