from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def read(nlp):
    """Run the pipeline on a text; return (entities by name, relations as tuples)."""

    def _read(text: str):
        doc = nlp(text)
        ents = doc._.gb_entities
        entities = {e.name: e for e in ents}
        relations = {(ents[r.subject].name, r.predicate, ents[r.object].name, r.polarity)
                     for r in doc._.gb_relations}
        return entities, relations

    return _read
