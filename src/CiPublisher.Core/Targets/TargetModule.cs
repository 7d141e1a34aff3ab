using CiPublisher.Core.Settings.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets;

/// <summary>A module with its settings typed.</summary>
public abstract class TargetModule<TSettings> : ITargetModule where TSettings : class
{
    public Type SettingsType => typeof(TSettings);

    public abstract InputGroup Inputs { get; }

    public abstract TSettings? Bind(InputReader inputs, BindingScope scope);

    public abstract void Register(IServiceCollection services, TSettings settings);

    object? ITargetModule.Bind(InputReader inputs, BindingScope scope) => Bind(inputs, scope);

    void ITargetModule.Register(IServiceCollection services, object settings) => Register(services, (TSettings)settings);
}
