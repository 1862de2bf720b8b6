namespace ChecklistDsl.Tests.Engine;

/// <summary>States and triggers shared by the engine tests.</summary>
public enum State { A, B, C, D, Super, Other }

public enum Trigger { X, Y, Z }
