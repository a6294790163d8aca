"""Every table of prodcom; importing this module registers them all on SQLModel.metadata."""

from sqlmodel import SQLModel

from .money import BudgetLine, Expense
from .quality import ChecklistItem, HealthLog, Note, Review, ReviewCheck, Risk
from .system import CampaignMetric, ChangeBatch, ChangeEntry, Holiday, PlanTemplate, PlanTemplateStep, Setting
from .vendors import Delivery, PurchaseOrder, Quote, Vendor
from .work import Deliverable, Person, Project, Request, Task, TaskDependency

metadata = SQLModel.metadata

__all__ = [
    "BudgetLine", "CampaignMetric", "ChangeBatch", "ChangeEntry", "ChecklistItem", "Deliverable",
    "Delivery", "Expense", "HealthLog", "Holiday", "Note", "Person", "PlanTemplate", "PlanTemplateStep",
    "Project", "PurchaseOrder", "Quote", "Request", "Review", "ReviewCheck", "Risk", "Setting", "Task",
    "TaskDependency", "Vendor", "metadata",
]
