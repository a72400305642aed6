#!/usr/bin/env python3
"""Rewrites data/datasets.json (what `pacta cite` prints) with the current SHA-256 of every shipped file.
Run after changing a file under data/; the DatasetManifestTests fail until then."""
import hashlib, json, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
path = root / "data" / "datasets.json"
manifest = json.loads(path.read_text())
for d in manifest:
    for f in d["files"]:
        f["sha256"] = hashlib.sha256((root / "data" / f["path"]).read_bytes()).hexdigest()
path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
print(f"updated {path}")
