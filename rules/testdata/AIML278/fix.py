from captum.insights import AttributionVisualizer
from explainerdashboard import ClassifierExplainer, ExplainerDashboard

explainer = ClassifierExplainer(model, X_test, y_test)
db = ExplainerDashboard(explainer, title="Credit model", whatif=True)
db.run(port=8050)  # want: AIML278
db.run(8050, "0.0.0.0")  # want: AIML278
db.run(port=8050, host="0.0.0.0")  # want: AIML278
ExplainerDashboard(explainer).run(  # want: AIML278
    port=9000,
    use_waitress=True,
)


def insights(visualizer: AttributionVisualizer):
    viz = AttributionVisualizer(models=[model], classes=classes, features=features, dataset=data)
    viz.serve(port=6080, bind_all=True)  # want: AIML278
