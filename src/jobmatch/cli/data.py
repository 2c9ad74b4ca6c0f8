"""Commands over the data: the skill lexicon and role profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .app import main

if TYPE_CHECKING:
    pass


@main.group()
def lexicon() -> None:
    """Validate, show and build the skill lexicon."""


@lexicon.command("check")
@click.argument("path", required=False, type=click.Path(file_okay=False))
def lexicon_check(path: str | None) -> None:
    """Validate the lexicon (the shipped one, or the folder PATH); list every problem."""
    from ..lexicon.loader import check_lexicon

    problems = check_lexicon(path)
    for p in problems:
        click.echo(p)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the lexicon")
    click.echo("lexicon OK")


@lexicon.command("show")
@click.argument("query", required=False)
@click.option("--category", "-c", default=None, help="Only skills of this category.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def lexicon_show(query: str | None, category: str | None, fmt: str) -> None:
    """Show skills: the skill with id QUERY, or those with a name/alias matching QUERY.

    Without QUERY or --category: the lexicon version and the number of skills per category.
    Exit code 1 when nothing matches.
    """
    import json

    from ..lexicon.browse import find_skills, lexicon_stats, skill_record

    if query is None and category is None:
        stats = lexicon_stats()
        if fmt == "json":
            click.echo(json.dumps(stats.to_dict(), indent=2))
            return
        click.echo(f"lexicon {stats.version}: {stats.skills} skills, {stats.forms} surface forms")
        for cid, (_label, layer, n) in stats.categories.items():
            click.echo(f"  {cid:22} {layer:9} {n:5}")
        return
    try:
        skills = find_skills(query, category=category)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--category") from exc
    if not skills:
        raise click.ClickException(f"no skill matches {query!r}")
    if fmt == "json":
        click.echo(json.dumps([skill_record(s) for s in skills], indent=2, ensure_ascii=False))
        return
    if len(skills) > 1:
        for s in skills:
            click.echo(f"{s.id}\t{s.name}\t{s.category}")
        return
    s = skills[0]
    click.echo(f"{s.id}: {s.name} [{s.category}]")
    if s.aliases:
        click.echo(f"  aliases: {', '.join(s.aliases)}")
    if s.implies:
        click.echo(f"  implies: {', '.join(s.implies)}")
    if s.context is not None:
        ctx = s.context
        if ctx.forms:
            click.echo(f"  context: forms {', '.join(ctx.forms)}; window {ctx.window}")
        if ctx.plain_forms:
            click.echo(f"  context: plain forms {', '.join(ctx.plain_forms)} (negatives only)")
        if ctx.sense is not None:
            click.echo(f"  context: else {ctx.sense} near {', '.join(ctx.sense_positive)}")
    click.echo(f"  origin: {s.origin}")


@lexicon.command("build")
@click.argument("docs", nargs=-1, required=True, type=click.Path())
@click.option(
    "--background",
    "-b",
    multiple=True,
    type=click.Path(),
    help="Background corpus (file or folder; repeatable). Default: a small built-in one.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="Write the candidates (JSON lines) here.",
)
@click.option("--top", default=200, show_default=True, type=click.IntRange(min=1))
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(min=1))
def lexicon_build(
    docs: tuple[str, ...], background: tuple[str, ...], output: str, top: int, min_count: int
) -> None:
    """Mine candidate skill terms from DOCS (.txt/.md/.jsonl files or folders) for review.

    Terms are ranked by TF-IDF against the background corpus; terms already in the lexicon
    are left out. The output lines are lexicon records plus score, count and an example.
    """
    from ..lexicon.mining import iter_texts, mine_candidates, write_candidates

    texts = [t for _, t in iter_texts(docs)]
    bg = [t for _, t in iter_texts(background)] if background else None
    n = write_candidates(
        mine_candidates(texts, background=bg, top=top, min_count=min_count), output
    )
    click.echo(f"wrote {n} candidate(s) to {output}")


# --------------------------------------------------------------- profile


@main.group()
def profile() -> None:
    """List, show and build role profiles."""


@profile.command("list")
def profile_list() -> None:
    """List the shipped profiles (id, version, name)."""
    from ..scoring.profiles import list_profiles

    for pid, name, version in list_profiles():
        click.echo(f"{pid}\t{version}\t{name}")


@profile.command("show")
@click.argument("name", default="research-engineer", metavar="NAME|PATH")
@click.option(
    "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
def profile_show(name: str, fmt: str) -> None:
    """Show a profile: categories, weights, requirements, career ladder, salary figures."""
    from ..scoring.profiles import describe_profile, load_profile

    click.echo(describe_profile(load_profile(name), fmt), nl=False)


@profile.command("build")
@click.option(
    "--seed", required=True, type=click.Path(dir_okay=False), help="The profile document."
)
@click.option(
    "--background",
    required=True,
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Background postings: JSONL with a 'text' field, or a text file (repeatable).",
)
@click.option(
    "--profile", "name", default="research-engineer", show_default=True, metavar="NAME|PATH"
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The JSON file to write."
)
def profile_build(seed: str, background: tuple[str, ...], name: str, output: str) -> None:
    """Rebuild a profile's generated TF-IDF part (deterministic JSON)."""
    from ..scoring.profile_build import build_profile

    result = build_profile(seed, background, profile=name, output=output)
    click.echo(
        f"wrote {output}: {len(result['vector'])} profile terms, "
        f"{len(result['idf'])} vocabulary terms, {len(result['requirements'])} requirements"
    )
