// Placeholder: the fake GitLab process is being written (see SwitchboardTesting/FakeGitLab).
print("fake-gitlab: not built yet")
