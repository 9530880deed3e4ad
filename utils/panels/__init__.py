"""Ready-made what-if panels, one module per lesson topic, one public surface for the lessons.

Each panel function returns a :class:`utils.whatif.WhatIf` whose ``compute`` calls
the models in :mod:`utils.models`; a panel module only builds controls, outcome
tables and charts. A lesson imports what it needs from here
(``from utils.panels import serverless_panel``): exactly the names each module
lists in its ``__all__`` (``tests/test_panels_surface.py`` keeps the two in step).

Lesson by lesson: 00 and 05 retention, 01 commoditization, 02 stack, 03 gpu,
04 request, 05 margins, 06 demand, 07 portfolio, 08 concentration,
09 efficiency, 10 scenarios, 11 scorecard.
"""

from __future__ import annotations

from .commoditization import (
    ASSUMED_APP_COPY_MONTHS,
    ASSUMED_APP_SWITCHING_COST,
    ASSUMED_EXTRA_CHURN,
    ASSUMED_INFRA_COPY_MONTHS,
    ASSUMED_INFRA_SWITCHING_COST,
    ASSUMED_PRICE_EROSION,
    clock_outcome,
    clock_panel,
    sourced_annual_churn,
)
from .concentration import (
    MEDIAN_DEAL_USD,
    evidence_table,
    few_took_much_figure,
    few_took_much_shares,
    mega_round_outcome,
    mega_round_panel,
    plumbing_rounds,
)
from .demand import (
    RESHUFFLE_SEED,
    RESHUFFLE_WORLDS,
    diversification_outcome,
    diversification_panel,
    reshuffle_outcome,
    reshuffle_panel,
)
from .efficiency import (
    efficiency_outcome,
    efficiency_panel,
)
from .gpu import (
    serverless_panel,
)
from .margins import (
    CHURN_GRID,
    app_margin_outcome,
    app_margin_panel,
    ltv_outcome,
    ltv_panel,
    nrr_outcome,
    nrr_panel,
)
from .portfolio import (
    PORTFOLIOS,
    allocation_outcome,
    allocation_panel,
    calibration_outcome,
    calibration_panel,
    calibration_table,
    portfolio_outcome,
    portfolio_panel,
    published_at_least,
)
from .request import (
    fanout_panel,
    request_panel,
)
from .retention import (
    retention_demo_panel,
    retention_outcome,
)
from .scenarios import (
    ASSUMED_WINNER_SHARE,
    START_WEIGHTS,
    VERDICT_WEIGHTS,
    WEAK_INTEGRATOR_SHARE,
    ScenarioSetup,
    scenario_outcome,
    scenario_panel,
    scenario_setup,
)
from .scorecard import (
    EXAMPLE,
    MIDDLING,
    NAMES,
    RESHUFFLE_WEIGHTS,
    THIN_WRAPPER,
    THRESHOLDS,
    TWO_PRODUCTS,
    contributions,
    evidence_card_frame,
    evidence_card_summary,
    evidence_card_table,
    scorecard_outcome,
    scorecard_panel,
)
from .stack import (
    funding_layers,
    funding_outcome,
    funding_panel,
    usd,
)

__all__ = [
    "ASSUMED_APP_COPY_MONTHS",
    "ASSUMED_APP_SWITCHING_COST",
    "ASSUMED_EXTRA_CHURN",
    "ASSUMED_INFRA_COPY_MONTHS",
    "ASSUMED_INFRA_SWITCHING_COST",
    "ASSUMED_PRICE_EROSION",
    "ASSUMED_WINNER_SHARE",
    "CHURN_GRID",
    "EXAMPLE",
    "MEDIAN_DEAL_USD",
    "MIDDLING",
    "NAMES",
    "PORTFOLIOS",
    "RESHUFFLE_SEED",
    "RESHUFFLE_WEIGHTS",
    "RESHUFFLE_WORLDS",
    "START_WEIGHTS",
    "ScenarioSetup",
    "THIN_WRAPPER",
    "THRESHOLDS",
    "TWO_PRODUCTS",
    "VERDICT_WEIGHTS",
    "WEAK_INTEGRATOR_SHARE",
    "allocation_outcome",
    "allocation_panel",
    "app_margin_outcome",
    "app_margin_panel",
    "calibration_outcome",
    "calibration_panel",
    "calibration_table",
    "clock_outcome",
    "clock_panel",
    "contributions",
    "diversification_outcome",
    "diversification_panel",
    "efficiency_outcome",
    "efficiency_panel",
    "evidence_card_frame",
    "evidence_card_summary",
    "evidence_card_table",
    "evidence_table",
    "fanout_panel",
    "few_took_much_figure",
    "few_took_much_shares",
    "funding_layers",
    "funding_outcome",
    "funding_panel",
    "ltv_outcome",
    "ltv_panel",
    "mega_round_outcome",
    "mega_round_panel",
    "nrr_outcome",
    "nrr_panel",
    "plumbing_rounds",
    "portfolio_outcome",
    "portfolio_panel",
    "published_at_least",
    "request_panel",
    "reshuffle_outcome",
    "reshuffle_panel",
    "retention_demo_panel",
    "retention_outcome",
    "scenario_outcome",
    "scenario_panel",
    "scenario_setup",
    "scorecard_outcome",
    "scorecard_panel",
    "serverless_panel",
    "sourced_annual_churn",
    "usd",
]
