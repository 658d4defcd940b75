"""``marsad gazetteer …``: import a GeoNames dump, (re)build and describe the index.

Mount in the main CLI with ``app.add_typer(gazetteer_app, name="gazetteer")``.
"""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Optional

import typer

gazetteer_app = typer.Typer(add_completion=False, no_args_is_help=True,
                            help="The offline gazetteer: import GeoNames dumps, build, inspect.")


def _cache(cache: Optional[Path]) -> Optional[Path]:
    return cache.expanduser() if cache else None


def import_dump(source: Path, cache: Path | None = None) -> tuple[Path, int]:
    """Copy the useful rows of a GeoNames dump into the user gazetteer; returns (file, rows)."""
    from marsad.places.gazetteer import user_dir
    from marsad.places.sources import read_geonames_dump

    folder = user_dir(cache)
    folder.mkdir(parents=True, exist_ok=True)
    stem = source.name.split(".")[0] or "geonames"
    target = folder / f"{stem}.tsv.gz"
    tmp = target.with_suffix(".part")
    count = 0
    with gzip.open(tmp, "wt", encoding="utf-8") as out:
        for row in read_geonames_dump(source):
            out.write("\t".join(row) + "\n")
            count += 1
    tmp.replace(target)
    return target, count


@gazetteer_app.command("import")
def import_command(
    source: Path = typer.Argument(..., exists=True, dir_okay=False,
                                  help="GeoNames dump: allCountries.txt, IQ.txt, or either zipped."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Cache directory (default $MARSAD_CACHE or ~/.cache/marsad)."),
    build: bool = typer.Option(True, "--build/--no-build", help="Rebuild the index now."),
) -> None:
    """Add a GeoNames dump to your gazetteer (kept in the cache, used by every later build)."""
    target, count = import_dump(source, _cache(cache))
    typer.echo(f"imported {count} places from {source} into {target}")
    if build:
        build_command(cache)


@gazetteer_app.command("build")
def build_command(
    cache: Optional[Path] = typer.Option(None, "--cache", help="Cache directory."),
) -> None:
    """Compile the index from all inputs now (done automatically when missing or stale)."""
    from marsad.places.gazetteer import Gazetteer

    started = time.perf_counter()
    gaz = Gazetteer.build(_cache(cache))
    typer.echo(f"built {len(gaz)} places, {len(gaz.key_hash)} names in {time.perf_counter() - started:.1f}s "
               f"-> {gaz.path}")


@gazetteer_app.command("info")
def info_command(
    cache: Optional[Path] = typer.Option(None, "--cache", help="Cache directory."),
    lookup: Optional[str] = typer.Option(None, "--lookup", help="Also list the places a name can mean."),
) -> None:
    """Where the index is, its size and how long it takes to load."""
    from marsad.places.gazetteer import Gazetteer

    started = time.perf_counter()
    gaz = Gazetteer.load(_cache(cache))
    info = gaz.info()
    info["load_seconds"] = round(time.perf_counter() - started, 3)
    if lookup:
        info["lookup"] = [{"geonameid": p.geonameid, "name": p.name, "country": p.country, "admin1": p.admin1,
                           "lat": p.latitude, "lon": p.longitude, "population": p.population}
                          for p in gaz.lookup(lookup)[:10]]
    typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
