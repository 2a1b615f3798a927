/// One node of a tree flattened in pre-order.
public struct TreeNode: Sendable {
    public var id: String
    public var depth: Int
    public var parent: Int?
    public var hasChildren: Bool
    /// Lower-cased UTF-8 of what a filter matches against.
    public var searchKey: [UInt8]

    public init(id: String, depth: Int, parent: Int?, hasChildren: Bool, searchText: String) {
        self.id = id
        self.depth = depth
        self.parent = parent
        self.hasChildren = hasChildren
        self.searchKey = Array(searchText.lowercased().utf8)
    }
}

/// A tree as a flat pre-order list, answering which nodes show for a set of expanded ids and a filter.
/// With a filter, a node shows when it or something below it matches, so matches keep their context.
public struct TreeModel: Sendable {
    public private(set) var nodes: [TreeNode] = []

    public init() {}

    /// Appends a node under `parent` (an index returned earlier) and returns its index.
    @discardableResult
    public mutating func append(id: String, parent: Int?, searchText: String) -> Int {
        let depth = parent.map { nodes[$0].depth + 1 } ?? 0
        if let parent { nodes[parent].hasChildren = true }
        nodes.append(TreeNode(id: id, depth: depth, parent: parent, hasChildren: false, searchText: searchText))
        return nodes.count - 1
    }

    public var count: Int { nodes.count }
    public subscript(index: Int) -> TreeNode { nodes[index] }

    /// Indices of the nodes that show, in order.
    public func visible(expanded: Set<String>, filter: String) -> [Int] {
        let needle = Array(filter.lowercased().utf8)
        if needle.isEmpty {
            var out: [Int] = []
            out.reserveCapacity(nodes.count)
            var shown = [Bool](repeating: false, count: nodes.count)
            for (i, node) in nodes.enumerated() {
                let parentOpen = node.parent.map { shown[$0] && expanded.contains(nodes[$0].id) } ?? true
                shown[i] = parentOpen
                if parentOpen { out.append(i) }
            }
            return out
        }
        var keep = [Bool](repeating: false, count: nodes.count)
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where !keep[i] {
            if Self.contains(nodes[i].searchKey, needle) {
                var j: Int? = i
                while let k = j, !keep[k] {
                    keep[k] = true
                    j = nodes[k].parent
                }
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// Byte-wise substring search on lower-cased UTF-8.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        let h = haystack.count
        if n == 0 { return true }
        if n > h { return false }
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                var i = 0
                while i <= h - n {
                    if hp[i] == first {
                        var j = 1
                        while j < n && hp[i + j] == np[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
