namespace Workers.Persistence.Migrations;

/// <summary>One numbered SQL script embedded from <c>Migrations/NNNN_name.sql</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    public override string ToString() => $"{Version:D4}_{Name}";
}
