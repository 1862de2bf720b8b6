using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ChecklistDsl.Tests")]
