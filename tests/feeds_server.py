#!/usr/bin/env python3
"""feeds_server.py ROOT PORTFILE LOG -- the web server of tests/feeds.sh.

Serves the files under ROOT on 127.0.0.1 (an ephemeral port, written to
PORTFILE) and logs every request as one JSON line in LOG (time, path,
If-None-Match, If-Modified-Since, User-Agent, status), so the test can
assert what dyad fetched and how.  It never contacts anything itself.

Manners, as real sites have them:
  *.xml      RSS feeds carry an ETag and a Last-Modified; feeds whose name
             starts with "atom" only a Last-Modified; a matching
             If-None-Match or If-Modified-Since gets 304
  /go/N      a redirect chain: /go/1 -> /go/2 -> /pages/redirected.html
  /loop/N    redirects forever
  /slow/...  answers after 3 seconds
  *.png      image/png
  *.latin.html  text/html; charset=iso-8859-15 (the page itself says nothing)
  missing    404
"""
import email.utils
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT, PORTFILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def record(self, status):
        entry = {
            "t": time.time(),
            "path": self.path,
            "inm": self.headers.get("If-None-Match"),
            "ims": self.headers.get("If-Modified-Since"),
            "ua": self.headers.get("User-Agent"),
            "status": status,
        }
        with lock:
            with open(LOG, "a") as f:
                f.write(json.dumps(entry) + "\n")

    def reply(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        if not self.path.startswith("/slow/"):
            self.record(status)
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a size cap, a timeout): as it should

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.startswith("/go/"):
            n = int(path[4:] or "1")
            target = "/go/%d" % (n + 1) if n < 2 else "/pages/redirected.html"
            return self.reply(302, b"", headers=[("Location", target)])
        if path.startswith("/loop/"):
            n = int(path[6:] or "1")
            return self.reply(302, b"", headers=[("Location", "/loop/%d" % (n + 1))])
        if path.startswith("/slow/"):
            self.record("slow")  # now: the client will have gone when it ends
            time.sleep(3)
        file = os.path.normpath(os.path.join(ROOT, path.lstrip("/")))
        if not file.startswith(os.path.abspath(ROOT)) or not os.path.isfile(file):
            return self.reply(404, b"<html><body>not found</body></html>")
        with open(file, "rb") as f:
            body = f.read()
        headers = []
        if path.endswith(".xml"):
            mtime = int(os.path.getmtime(file))
            lm = email.utils.formatdate(mtime, usegmt=True)
            headers.append(("Last-Modified", lm))
            etag = None
            if not os.path.basename(path).startswith("atom"):
                etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
                headers.append(("ETag", etag))
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if etag and inm == etag:
                return self.reply(304, headers=headers)
            if not inm and ims:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
                if mtime <= since:
                    return self.reply(304, headers=headers)
            return self.reply(200, body, "application/rss+xml; charset=utf-8", headers)
        if path.endswith(".latin.html"):
            return self.reply(200, body, "text/html; charset=iso-8859-15")
        if path.endswith(".png"):
            return self.reply(200, body, "image/png")
        return self.reply(200, body)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that give up (size caps, timeouts) are part of the test


server = Server(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
