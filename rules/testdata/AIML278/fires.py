import explainerdashboard
from captum.insights import AttributionVisualizer
from explainerdashboard import ClassifierExplainer, ExplainerDashboard
from explainerdashboard.dashboards import ExplainerDashboard as Dashboard

explainer = ClassifierExplainer(model, X_test, y_test)
db = ExplainerDashboard(explainer, title="Credit model", whatif=True)
db.run(port=8050)  # want: AIML278


def serve_public():
    dash = explainerdashboard.ExplainerDashboard(explainer, logins=None)
    dash.run(8050, host="0.0.0.0")  # want: AIML278


def serve_chained():
    Dashboard(explainer, mode="dash").run(  # want: AIML278
        port=9000,
        use_waitress=True,
    )


def serve_lan():
    board = ExplainerDashboard(explainer, mode="inline")
    board.run(8050, host="10.0.0.12", mode="dash")  # want: AIML278


class App:
    def __init__(self):
        self.db = ExplainerDashboard(explainer, shap_interaction=False)

    def start(self):
        self.db.run(port=8050)  # want: AIML278


def insights():
    visualizer = AttributionVisualizer(models=[model], score_func=None, classes=classes, features=features, dataset=data)
    visualizer.serve(debug=False, port=6080, bind_all=True)  # want: AIML278
