using CiPublisher.Core.Settings.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets;

/// <summary>
/// One destination as the program sees it: its inputs, how they become its settings, and what it adds to the run's
/// services for them. The program lists the modules once; nothing else names them.
/// </summary>
public interface ITargetModule
{
    /// <summary>The inputs the module reads, as users find them in the docs.</summary>
    InputGroup Inputs { get; }

    /// <summary>The module's settings, by which the run and other modules' bindings find them.</summary>
    Type SettingsType { get; }

    /// <summary>The module's settings from its inputs; null when none asks for it. Problems go to the reader, naming the input.</summary>
    object? Bind(InputReader inputs, BindingScope scope);

    /// <summary>Adds the module's services for the settings <see cref="Bind"/> made.</summary>
    void Register(IServiceCollection services, object settings);
}
