"""The partitioned deployment for real: Postgres-backed instance, 4 batches as partitions materialised
by 2 concurrent workers, assembled and published; the published tables equal an unpartitioned run's.
On every 16th file of the corpus (~55 articles): the behaviour is the same at any size, and the whole
corpus (861 files, twice through natasha) is benchmarks/partitions.py's job, not the test suite's."""

import shutil

import dagster as dg
import duckdb
import pytest

from .conftest import SHARED, query, run_pipeline
from .partitioned_run import (
    assemble_and_publish,
    deployment_env,
    make_batches,
    postgres_bin,
    postgres_server,
    run_partitions,
)

CORPUS = SHARED / "corpus" / "bsnlp"
EVERY = 16  # every 16th file, sorted by name: each of the corpus's news topics, in a sixteenth of the work
COMPARED = {
    "source_files": "SELECT source_path, status, duplicate_of, reason, sha256 FROM source_files",
    "articles": "SELECT article_id, source_path, source_paths, title, published, body FROM articles",
    "meetings": "SELECT * FROM meetings",
    "meeting_participants": "SELECT * FROM meeting_participants",
    "agreements": "SELECT * FROM agreements",
    "agreement_parties": "SELECT * FROM agreement_parties",
    "meeting_events": "SELECT * FROM meeting_events",
}

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(postgres_bin() is None, reason="no PostgreSQL server binary (Debian's postgresql package)"),
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}"),
]


def rows(db, sql):
    return sorted(query(db, sql), key=repr)


def test_partitioned_run_equals_unpartitioned(tmp_path, monkeypatch):
    corpus = tmp_path / "bsnlp"
    corpus.mkdir()
    for path in sorted(CORPUS.iterdir())[::EVERY]:
        shutil.copy(path, corpus / path.name)
    (corpus / "copy_of_first.txt").write_bytes(sorted(corpus.iterdir())[0].read_bytes())  # a duplicate across batches
    single = tmp_path / "single" / "warehouse.duckdb"
    result = run_pipeline(corpus, single, private_work_file=True)
    assert result.success, [e.message for e in result.all_events if e.is_failure]

    with postgres_server() as pg:
        env = deployment_env(pg, tmp_path / "home", corpus, tmp_path / "scaled" / "warehouse.duckdb")
        log = tmp_path / "dagster.log"
        keys = make_batches(env, max_files=-(-len(list(corpus.iterdir())) // 4))
        assert len(keys) == 4
        run_partitions(env, keys, workers=2, log=log)
        assemble_and_publish(env, log)

        # the runs are in the Postgres instance: 4 partition runs and the assembly, all successful
        for name in ("DAGSTER_HOME", *pg):
            monkeypatch.setenv(name, env[name])
        with dg.DagsterInstance.get() as instance:
            runs = instance.get_runs()
            assert len(runs) == 5 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
            assert sorted(instance.get_dynamic_partitions("file_batches")) == keys

    scaled = tmp_path / "scaled" / "warehouse.duckdb"
    assert not query(scaled, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'extraction_state'")[0][0]
    for table, sql in COMPARED.items():
        assert rows(scaled, sql) == rows(single, sql), table
    assert query(scaled, "SELECT count(*) FROM source_files WHERE status = 'duplicate'")[0][0] >= 1


def test_duckdb_reads_parts(tmp_path):
    """Parts are plain Parquet with the warehouse's types."""
    from defcoop_dagster.partitioned.parts import part_path, write_parts
    from defcoop_dagster.warehouse.tables import TABLES

    frame = TABLES["agreement_parties"].frame([{"agreement_id": "a", "country_iso3": "RUS"}])
    write_parts(tmp_path, "k1", {"agreement_parties": frame}, last="agreement_parties")
    assert duckdb.sql(
        f"SELECT agreement_id, country_iso3 FROM '{part_path(tmp_path, 'agreement_parties', 'k1')}'"
    ).fetchall() == [("a", "RUS")]
