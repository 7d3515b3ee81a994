import os

from captum.insights import AttributionVisualizer
from explainerdashboard import ClassifierExplainer, ExplainerDashboard, ExplainerHub

explainer = ClassifierExplainer(model, X_test, y_test)
db = ExplainerDashboard(explainer, title="Credit model", logins=[["risk", os.environ["DASH_PW"]]])
db.run(port=8050)


def local():
    ExplainerDashboard(explainer).run(port=8050, host="127.0.0.1")


def notebook():
    ExplainerDashboard(explainer, mode="inline").run(port=8050)


def jupyter():
    ExplainerDashboard(explainer).run(8050, mode="external")


def configured(host):
    ExplainerDashboard(explainer).run(port=8050, host=host)


def from_config():
    ExplainerDashboard.from_config("dashboard.yaml").run(port=8050)


def hub():
    ExplainerHub([db]).run(port=8050)


def kwargs_options(options):
    ExplainerDashboard(explainer, **options).run(port=8050)


def insights():
    AttributionVisualizer(models=[model], classes=classes, features=features, dataset=data).serve(debug=True, port=6080)
    AttributionVisualizer(models=[model], classes=classes, features=features, dataset=data).serve(bind_all=False)
