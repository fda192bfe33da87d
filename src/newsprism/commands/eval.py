"""`newsprism eval ...`: measure newsprism beside its peers. Each evaluation adds its own command."""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Evaluate newsprism against benchmarks and peers, side by side.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")


from newsprism.commands import eval_cluster  # noqa: E402  (adds `eval cluster`)

eval_cluster.register(eval_app)

from newsprism.commands import eval_summarize  # noqa: E402  (adds `eval summarize`)

eval_summarize.register(eval_app)

from newsprism.commands import eval_framing  # noqa: E402  (adds `eval framing`)

eval_framing.register(eval_app)

from newsprism.commands import eval_brief  # noqa: E402  (adds `eval brief`)

eval_brief.register(eval_app)

from newsprism.commands import eval_players  # noqa: E402  (adds `eval players`)

eval_players.register(eval_app)

from newsprism.commands import eval_faithfulness  # noqa: E402  (adds `eval faithfulness`)

eval_faithfulness.register(eval_app)
