using Mediator;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Dispatches the few commands a test registers to real handlers; anything else is a test mistake.</summary>
internal sealed class FakeMediator : IMediator
{
    private readonly Dictionary<Type, Func<object, CancellationToken, ValueTask<object?>>> handlers = [];

    public List<object> Sent { get; } = [];

    public FakeMediator Register<TCommand, TResponse>(ICommandHandler<TCommand, TResponse> handler)
        where TCommand : ICommand<TResponse>
    {
        handlers[typeof(TCommand)] = async (message, cancellationToken) => await handler.Handle((TCommand)message, cancellationToken);
        return this;
    }

    public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        (TResponse)(await Dispatch(command, cancellationToken))!;

    public async ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        (TResponse)(await Dispatch(request, cancellationToken))!;

    public async ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        (TResponse)(await Dispatch(query, cancellationToken))!;

    public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => Dispatch(message, cancellationToken);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification =>
        throw new NotSupportedException();

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private ValueTask<object?> Dispatch(object message, CancellationToken cancellationToken)
    {
        Sent.Add(message);
        return handlers.TryGetValue(message.GetType(), out var handler)
            ? handler(message, cancellationToken)
            : throw new InvalidOperationException($"No handler registered for {message.GetType().Name}.");
    }
}
