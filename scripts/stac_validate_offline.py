"""Run stac-api-validator without internet access to the schema hosts.

stac-api-validator (through stac-validator, stac-check and pystac) downloads
JSON Schemas from schemas.stacspec.org, geojson.org and
stac-extensions.github.io. CI reaches only package registries, so this
launcher answers those URLs locally before calling the validator's own CLI:

* STAC core schemas (v1.1.0: item, collection, catalog and the common
  fragments) and the GeoJSON Feature/Geometry schemas come from the copies
  that the pystac wheel ships (pystac/validation/jsonschemas). Items and
  collections are therefore validated against the real core schemas.
* Extension schemas (stac-extensions.github.io) are not shipped by any
  package on the reachable registries. They are answered with an empty
  schema that accepts anything, i.e. extension fields are NOT validated
  offline; every such substitution is printed as "offline-schema:" at the
  end, so the run says exactly what it skipped.
* Any other request to those hosts (e.g. another STAC version) fails with an
  error that names the URL, as a download would.

Requests to every other host (the catalog under test) go out unchanged.
"""

import io
import json
import sys
import urllib.error
import urllib.request
from email.message import Message
from urllib.parse import urlparse

import requests
from pystac.validation.local_validator import get_local_schema_cache

SCHEMA_HOSTS = {"schemas.stacspec.org", "geojson.org", "stac-extensions.github.io", "json-schema.org"}
LOCAL = {url: json.dumps(doc).encode() for url, doc in get_local_schema_cache().items()}
SUBSTITUTED = set()


def schema_bytes(url):
    """Local bytes for a schema URL, or None when not a schema host."""
    host = urlparse(url).hostname or ""
    if host not in SCHEMA_HOSTS:
        return None
    clean = url.split("#", 1)[0]
    if clean in LOCAL:
        return LOCAL[clean]
    if host == "stac-extensions.github.io":
        SUBSTITUTED.add(clean)
        return json.dumps({"$comment": "offline substitute for " + clean}).encode()
    raise requests.exceptions.ConnectionError(f"offline: no local copy of schema {clean}")


class LocalSchemaAdapter(requests.adapters.HTTPAdapter):
    def send(self, request, **kwargs):
        body = schema_bytes(request.url)
        if body is None:
            return super().send(request, **kwargs)
        response = requests.models.Response()
        response.status_code = 200
        response._content = body
        response.headers["Content-Type"] = "application/json"
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response


_session_init = requests.Session.__init__


def _session_with_local_schemas(self, *args, **kwargs):
    _session_init(self, *args, **kwargs)
    adapter = LocalSchemaAdapter()
    for host in SCHEMA_HOSTS:
        self.mount(f"https://{host}/", adapter)
        self.mount(f"http://{host}/", adapter)


requests.Session.__init__ = _session_with_local_schemas

_urlopen = urllib.request.urlopen


class _LocalResponse(io.BytesIO):
    def __init__(self, url, body):
        super().__init__(body)
        self.url = url
        self.status = 200
        self.headers = Message()
        self.headers["Content-Type"] = "application/json"

    def getcode(self):
        return 200

    def geturl(self):
        return self.url

    def info(self):
        return self.headers


def _urlopen_with_local_schemas(url, *args, **kwargs):
    target = url.full_url if isinstance(url, urllib.request.Request) else url
    try:
        body = schema_bytes(target)
    except requests.exceptions.ConnectionError as e:
        raise urllib.error.URLError(str(e))
    if body is None:
        return _urlopen(url, *args, **kwargs)
    return _LocalResponse(target, body)


urllib.request.urlopen = _urlopen_with_local_schemas


def main():
    import stac_api_validator.validations  # noqa: F401  (binds urlopen users after the patch)
    from stac_api_validator.__main__ import main as validator_main

    code = 0
    try:
        validator_main(args=sys.argv[1:], prog_name="stac-api-validator", standalone_mode=False)
    except SystemExit as e:
        code = e.code or 0
    for url in sorted(SUBSTITUTED):
        print(f"offline-schema: extension schema not available offline, not validated: {url}")
    return code


if __name__ == "__main__":
    sys.exit(main())
