import TUICore
import Testing

@Suite struct TreeModelTests {
    func sample() -> TreeModel {
        var model = TreeModel()
        let root = model.append(id: "root", parent: nil, searchText: "Root")
        let core = model.append(id: "core", parent: root, searchText: "core")
        model.append(id: "audit", parent: core, searchText: "audit 111")
        model.append(id: "logs", parent: core, searchText: "Log-Archive 222")
        let workload = model.append(id: "workload", parent: root, searchText: "workload")
        model.append(id: "prod", parent: workload, searchText: "Production 333")
        return model
    }

    @Test func collapsedNodesHideTheirChildren() {
        let model = sample()
        let ids = { (indices: [Int]) in indices.map { model[$0].id } }
        #expect(ids(model.visible(expanded: ["root"], filter: "")) == ["root", "core", "workload"])
        #expect(
            ids(model.visible(expanded: ["root", "core"], filter: "")) == ["root", "core", "audit", "logs", "workload"]
        )
        #expect(ids(model.visible(expanded: [], filter: "")) == ["root"])
    }

    @Test func filterIsCaseInsensitiveAndKeepsAncestors() {
        let model = sample()
        let ids = model.visible(expanded: [], filter: "PROD").map { model[$0].id }
        #expect(ids == ["root", "workload", "prod"])
        #expect(model.visible(expanded: [], filter: "zzz").isEmpty)
        #expect(model.visible(expanded: [], filter: "archive").map { model[$0].id } == ["root", "core", "logs"])
    }
}
