from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(params=SEEDS, ids=[p.stem for p in SEEDS])
def seed_text(request: pytest.FixtureRequest) -> str:
    return Path(request.param).read_text(encoding="utf-8")
