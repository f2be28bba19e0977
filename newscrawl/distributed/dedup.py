"""The duplicate index in Redis: exact and near copies across every worker and machine.

The same `DuplicateIndex` as `newscrawl.dedup` (same key, same content hash, or a near
copy by MinHash of word 3-shingles and LSH banding), kept where every worker sees it:

    P:dedup:meta        hash  the fingerprint scheme (an index never mixes two)
    P:dedup:docs        hash  doc id -> key (URL) "\\n" 256-byte signature
    P:dedup:keys        hash  key -> doc id
    P:dedup:hashes      hash  content hash (20 bytes) -> first doc id
    P:dedup:band:<hex>  set   doc ids sharing that LSH band key: the candidates
    P:dedup:seq         counter of doc ids (their order is "first kept")

`duplicate_of` is one Lua script: look up the key, the hash and every candidate sharing a
band, compare signatures (the share of equal 16-bit values, as
`MinHashFingerprinter.similarity` does), and store the article when nothing matched, all
in one atomic step. Two workers fetching two copies of a syndicated story at the same
moment therefore cannot both keep theirs: the second one's script runs after the first
one's and finds it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from newscrawl.dedup import DuplicateIndex, Match, MinHashFingerprinter, make_probe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newscrawl.dedup import Fingerprinter, Probe

# KEYS: keys, hashes, docs, seq, band sets... ARGV: key, digest, signature ('' if none),
# least number of equal values that is a match, 'store' or 'check'.
_DUPLICATE_OF = """
local id = redis.call('HGET', KEYS[1], ARGV[1])
if id then return {'key', ARGV[1], '1'} end
id = redis.call('HGET', KEYS[2], ARGV[2])
if id then
  local doc = redis.call('HGET', KEYS[3], id)
  local newline = string.find(doc, '\\n', 1, true)
  return {'exact', string.sub(doc, 1, newline - 1), '1'}
end
local signature = ARGV[3]
if signature ~= '' then
  local seen, ids = {}, {}
  for i = 5, #KEYS do
    for _, member in ipairs(redis.call('SMEMBERS', KEYS[i])) do
      local n = tonumber(member)
      if not seen[n] then seen[n] = true; table.insert(ids, n) end
    end
  end
  table.sort(ids)
  local values = #signature / 2
  local least = tonumber(ARGV[4])
  for _, candidate in ipairs(ids) do
    local doc = redis.call('HGET', KEYS[3], tostring(candidate))
    local newline = string.find(doc, '\\n', 1, true)
    local other = string.sub(doc, newline + 1)
    if #other == #signature then
      local same = 0
      for j = 1, #signature, 2 do
        if string.sub(signature, j, j + 1) == string.sub(other, j, j + 1) then same = same + 1 end
      end
      if same >= least then
        return {'near', string.sub(doc, 1, newline - 1), tostring(same / values)}
      end
    end
  end
end
if ARGV[5] ~= 'store' then return false end
local new = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[3], new, ARGV[1] .. '\\n' .. signature)
redis.call('HSET', KEYS[1], ARGV[1], new)
redis.call('HSETNX', KEYS[2], ARGV[2], new)
if signature ~= '' then
  for i = 5, #KEYS do redis.call('SADD', KEYS[i], new) end
end
return false
"""


class RedisDuplicateIndex(DuplicateIndex):
    """A duplicate index shared by the workers of a distributed crawl (the duplicates
    pipeline uses it when `NEWSCRAWL_REDIS_URL` is set)."""

    def __init__(
        self, client: Any, near: bool | Fingerprinter = True, key_prefix: str = "newscrawl"
    ) -> None:
        super().__init__(near)
        if self.fingerprinter is not None and not isinstance(
            self.fingerprinter, MinHashFingerprinter
        ):
            raise ValueError(
                "the Redis duplicate index compares MinHash signatures in Redis: it takes "
                "newscrawl's MinHashFingerprinter only"
            )
        self.client = client
        base = f"{key_prefix}:dedup"
        self._keys = f"{base}:keys"
        self._hashes = f"{base}:hashes"
        self._docs = f"{base}:docs"
        self._seq = f"{base}:seq"
        self._band = f"{base}:band:"
        self._script = client.register_script(_DUPLICATE_OF)
        threshold = self.fingerprinter.threshold if self.fingerprinter else 1.0
        values = (
            self.fingerprinter.num_perm
            if isinstance(self.fingerprinter, MinHashFingerprinter)
            else 1
        )
        self._least = math.ceil(threshold * values - 1e-9)
        meta = f"{base}:meta"
        client.hsetnx(meta, "scheme", self.scheme)
        stored = client.hget(meta, "scheme")
        if stored is not None and stored.decode() != self.scheme:
            raise ValueError(
                f"the Redis duplicate index under {base!r} was built with scheme "
                f"{stored.decode()!r}, not {self.scheme!r}: use another NEWSCRAWL_REDIS_PREFIX "
                "or the same settings"
            )

    def duplicate_of(
        self, key: str, text: str, content_hash: str | None = None, *, probe: Probe | None = None
    ) -> Match | None:
        probe = probe or make_probe(self.fingerprinter, text, content_hash)
        return self._run(key, probe, store=True)

    def match(self, probe: Probe, key: str | None = None) -> Match | None:
        return self._run(key, probe, store=False)

    def _run(self, key: str | None, probe: Probe, *, store: bool) -> Match | None:
        fingerprint = probe.fingerprint if self.fingerprinter is not None else None
        bands = [self._band + _hex(band) for band in fingerprint.bands] if fingerprint else []
        found = self._script(
            keys=[self._keys, self._hashes, self._docs, self._seq, *bands],
            args=[
                key if key is not None else "",
                probe.hash,
                fingerprint.signature if fingerprint else b"",
                self._least,
                "store" if store and key is not None else "check",
            ],
        )
        if not found:
            return None
        kind, first, similarity = (v.decode() if isinstance(v, bytes) else v for v in found)
        return Match(first, kind, float(similarity))  # type: ignore[arg-type]

    def flush(self) -> None:
        pass  # every article is stored by its own script

    def close(self) -> None:
        self.client.close()

    def __len__(self) -> int:
        return int(self.client.hlen(self._docs))

    # The generic lookups (used only through `match` above, kept for the interface).

    def _has_key(self, key: str) -> bool:
        return bool(self.client.hexists(self._keys, key))

    def _exact(self, digest: bytes) -> str | None:
        doc = self.client.hget(self._hashes, digest)
        return self._doc_key(doc) if doc is not None else None

    def _candidates(self, bands: Sequence[int]) -> list[tuple[int, str, bytes]]:
        ids: set[int] = set()
        for band in bands:
            ids.update(int(i) for i in self.client.smembers(self._band + _hex(band)))
        found = []
        for doc in sorted(ids):
            raw = self.client.hget(self._docs, doc)
            if raw:
                key, _, signature = raw.partition(b"\n")
                found.append((doc, key.decode(), signature))
        return found

    def _doc_key(self, doc: bytes) -> str | None:
        raw = self.client.hget(self._docs, doc)
        return raw.partition(b"\n")[0].decode() if raw else None

    def _store(
        self, key: str, digest: bytes, signature: bytes | None, bands: Sequence[int]
    ) -> None:
        raise NotImplementedError("RedisDuplicateIndex stores through duplicate_of")

    def add(self, key: str, text: str, content_hash: str | None = None) -> None:
        self.duplicate_of(key, text, content_hash)


def _hex(band: int) -> str:
    return (band & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "big").hex()
