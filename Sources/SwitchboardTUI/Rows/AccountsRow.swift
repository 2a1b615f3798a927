import SwitchboardCore
import TUICore

/// A row of the Accounts tree.
public enum AccountsRow: Sendable {
    case unit(OrganizationalUnit, path: [String], accountCount: Int)
    case account(Account, path: [String], policyIDs: [String])

    /// Builds the OU tree with accounts as leaves.
    public static func build(_ organization: Organization) -> (TreeModel, [AccountsRow]) {
        var model = TreeModel()
        var rows: [AccountsRow] = []
        func count(_ unit: OrganizationalUnit) -> Int {
            unit.accounts.count + unit.children.reduce(0) { $0 + count($1) }
        }
        func walk(_ unit: OrganizationalUnit, parent: Int?, path: [String], policies: [String]) {
            let here = path + [unit.name]
            let index = model.append(id: "ou:" + unit.id, parent: parent, searchText: unit.name + " " + unit.id)
            rows.append(.unit(unit, path: path, accountCount: count(unit)))
            let inherited = policies + unit.policyIDs
            for child in unit.children { walk(child, parent: index, path: here, policies: inherited) }
            for account in unit.accounts {
                let text = [account.name, account.id, account.email, account.environment.rawValue, account.status]
                    .joined(separator: " ")
                model.append(id: "acct:" + account.id, parent: index, searchText: text)
                rows.append(.account(account, path: here, policyIDs: inherited + (account.policyIDs ?? [])))
            }
        }
        walk(organization.root, parent: nil, path: [], policies: [])
        return (model, rows)
    }
}
