import SwitchboardCore
import TUICore

/// A row of an open pipeline: a stage heading or one of its jobs.
public enum JobsRow: Sendable {
    case stage(Stage)
    case job(Job)
}

public enum PipelineRows {
    /// One row per pipeline, matched by id, project, ref, status and the names of its failed jobs.
    public static func list(_ pipelines: [Pipeline]) -> TreeModel {
        var model = TreeModel()
        for pipeline in pipelines {
            var text = "#\(pipeline.id) \(pipeline.project) \(pipeline.ref) \(pipeline.status.label) \(pipeline.source)"
            for stage in pipeline.stages {
                for job in stage.jobs where job.status == .failed { text += " " + job.name }
            }
            model.append(id: "pl:\(pipeline.id)", parent: nil, searchText: text)
        }
        return model
    }

    /// Stages with their jobs below them.
    public static func jobs(_ pipeline: Pipeline) -> (TreeModel, [JobsRow]) {
        var model = TreeModel()
        var rows: [JobsRow] = []
        for stage in pipeline.stages {
            let index = model.append(id: "stage:" + stage.name, parent: nil, searchText: stage.name)
            rows.append(.stage(stage))
            for job in stage.jobs {
                let text = [
                    "#\(job.id)", job.name, job.status.label, job.tags.joined(separator: " "), job.environment ?? "",
                    job.failureReason ?? "",
                ].joined(separator: " ")
                model.append(id: "job:\(job.name)", parent: index, searchText: text)
                rows.append(.job(job))
            }
        }
        return (model, rows)
    }
}
